/// Allocation counters fed by the malloc family this target defines.
///
/// The benchmark executable links this target, so its malloc, calloc, realloc,
/// free and aligned variants take precedence over glibc's for the whole process
/// (libswiftCore included); each forwards to glibc's internal entry points and
/// bumps a counter. Plain counters: the benchmark runs models on one thread.
#ifndef TWINLAB_CALLOCCOUNTER_H
#define TWINLAB_CALLOCCOUNTER_H

#include <stdint.h>

/// Calls that obtained memory (malloc, calloc, realloc, the aligned variants) so far.
uint64_t twinlab_alloc_count(void);

/// Calls to free with a non-null pointer so far.
uint64_t twinlab_free_count(void);


#endif
