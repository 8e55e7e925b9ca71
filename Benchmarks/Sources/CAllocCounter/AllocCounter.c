// Counting wrappers around glibc's allocator (see include/CAllocCounter.h).
//
// glibc exports __libc_malloc & co. precisely so a program can replace malloc and
// still reach the real allocator without dlsym, which itself may allocate.
#include "CAllocCounter.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>

#if defined(__linux__) && defined(__GLIBC__)

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void __libc_free(void *pointer);
extern void *__libc_memalign(size_t alignment, size_t size);

static uint64_t allocations;
static uint64_t frees;

void *malloc(size_t size) {
    allocations++;
    return __libc_malloc(size);
}

void *calloc(size_t count, size_t size) {
    allocations++;
    return __libc_calloc(count, size);
}

void *realloc(void *pointer, size_t size) {
    allocations++;
    return __libc_realloc(pointer, size);
}

void free(void *pointer) {
    if (pointer) frees++;
    __libc_free(pointer);
}

void *memalign(size_t alignment, size_t size) {
    allocations++;
    return __libc_memalign(alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size) {
    allocations++;
    return __libc_memalign(alignment, size);
}

int posix_memalign(void **result, size_t alignment, size_t size) {
    // posix_memalign must reject alignments that are not a power-of-two multiple of a pointer.
    if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0) return EINVAL;
    allocations++;
    void *pointer = __libc_memalign(alignment, size);
    if (!pointer) return ENOMEM;
    *result = pointer;
    return 0;
}

uint64_t twinlab_alloc_count(void) { return allocations; }
uint64_t twinlab_free_count(void) { return frees; }


#else

// Elsewhere (macOS) interposition works differently; report zeros rather than lie.
uint64_t twinlab_alloc_count(void) { return 0; }
uint64_t twinlab_free_count(void) { return 0; }

#endif
