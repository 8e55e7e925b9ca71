#ifndef CRAWHDF5_H
#define CRAWHDF5_H
#include <stddef.h>

/// Writes `tables` extendible float64 datasets of `rows` x `columns` (row-major data, the
/// same block for every table) into a new file at `path`, `chunk_rows` rows per chunk and
/// one H5Dwrite per chunk: the plain-C floor TwinLab's recorder is compared with.
/// Returns 0 on success, -1 on any HDF5 failure.
int craw_write_tables(const char *path, int tables, size_t rows, size_t columns,
                      size_t chunk_rows, const double *data);
#endif
