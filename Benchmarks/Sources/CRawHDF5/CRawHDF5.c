#include "CRawHDF5.h"
#include <stdio.h>
#include <hdf5/serial/hdf5.h>

int craw_write_tables(const char *path, int tables, size_t rows, size_t columns,
                      size_t chunk_rows, const double *data) {
    hid_t fcpl = H5Pcreate(H5P_FILE_CREATE);
    H5Pset_obj_track_times(fcpl, 0);
    hid_t file = H5Fcreate(path, H5F_ACC_TRUNC, fcpl, H5P_DEFAULT);
    H5Pclose(fcpl);
    if (file < 0) return -1;
    int status = 0;
    for (int t = 0; t < tables && status == 0; t++) {
        char name[32];
        snprintf(name, sizeof name, "room%d", t);
        hsize_t dims[2] = {0, columns}, maxdims[2] = {H5S_UNLIMITED, columns};
        hsize_t chunk[2] = {chunk_rows, columns};
        hid_t space = H5Screate_simple(2, dims, maxdims);
        hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
        H5Pset_chunk(dcpl, 2, chunk);
        H5Pset_obj_track_times(dcpl, 0);
        hid_t dset = H5Dcreate2(file, name, H5T_IEEE_F64LE, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
        H5Pclose(dcpl);
        H5Sclose(space);
        if (dset < 0) { status = -1; break; }
        for (size_t start = 0; start < rows && status == 0; start += chunk_rows) {
            size_t n = rows - start < chunk_rows ? rows - start : chunk_rows;
            hsize_t newdims[2] = {start + n, columns};
            hsize_t offset[2] = {start, 0}, count[2] = {n, columns};
            if (H5Dset_extent(dset, newdims) < 0) { status = -1; break; }
            hid_t filespace = H5Dget_space(dset);
            H5Sselect_hyperslab(filespace, H5S_SELECT_SET, offset, NULL, count, NULL);
            hid_t memspace = H5Screate_simple(2, count, NULL);
            if (H5Dwrite(dset, H5T_NATIVE_DOUBLE, memspace, filespace, H5P_DEFAULT, data + start * columns) < 0)
                status = -1;
            H5Sclose(memspace);
            H5Sclose(filespace);
        }
        H5Dclose(dset);
    }
    if (H5Fclose(file) < 0) status = -1;
    return status;
}
