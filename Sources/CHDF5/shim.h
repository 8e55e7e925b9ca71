#ifndef CHDF5_SHIM_H
#define CHDF5_SHIM_H
// Debian's serial HDF5 lives in /usr/include/hdf5/serial; hdf5.h includes its
// siblings with quotes, so this path needs no -I flag.
#include <hdf5/serial/hdf5.h>

// HDF5's type and property "constants" are macros that expand to comma
// expressions such as (H5open(), H5T_NATIVE_DOUBLE_g), which Swift cannot
// import. These accessors also guarantee H5open() ran before a global is read.
static inline hid_t chdf5_native_double(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t chdf5_native_float(void)  { return H5T_NATIVE_FLOAT; }
static inline hid_t chdf5_native_int32(void)  { return H5T_NATIVE_INT32; }
static inline hid_t chdf5_native_int64(void)  { return H5T_NATIVE_INT64; }
static inline hid_t chdf5_native_uint64(void) { return H5T_NATIVE_UINT64; }
static inline hid_t chdf5_native_uint8(void)  { return H5T_NATIVE_UINT8; }
static inline hid_t chdf5_ieee_f64le(void)    { return H5T_IEEE_F64LE; }
static inline hid_t chdf5_ieee_f32le(void)    { return H5T_IEEE_F32LE; }
static inline hid_t chdf5_std_i32le(void)     { return H5T_STD_I32LE; }
static inline hid_t chdf5_std_i64le(void)     { return H5T_STD_I64LE; }
static inline hid_t chdf5_std_u64le(void)     { return H5T_STD_U64LE; }
static inline hid_t chdf5_std_u8le(void)      { return H5T_STD_U8LE; }
static inline hid_t chdf5_c_s1(void)          { return H5T_C_S1; }
static inline hid_t chdf5_p_dataset_create(void) { return H5P_DATASET_CREATE; }
static inline hid_t chdf5_p_dataset_access(void) { return H5P_DATASET_ACCESS; }
static inline hid_t chdf5_p_file_access(void)    { return H5P_FILE_ACCESS; }
static inline hid_t chdf5_p_file_create(void)    { return H5P_FILE_CREATE; }
static inline hid_t chdf5_p_group_create(void)   { return H5P_GROUP_CREATE; }
static inline hid_t chdf5_p_default(void)     { return H5P_DEFAULT; }
static inline hid_t chdf5_s_all(void)         { return H5S_ALL; }
static inline hid_t chdf5_e_default(void)     { return H5E_DEFAULT; }
static inline unsigned chdf5_acc_trunc(void)  { return H5F_ACC_TRUNC; }
static inline unsigned chdf5_acc_excl(void)   { return H5F_ACC_EXCL; }
static inline unsigned chdf5_acc_rdonly(void) { return H5F_ACC_RDONLY; }
static inline unsigned chdf5_acc_rdwr(void)   { return H5F_ACC_RDWR; }
static inline hsize_t chdf5_unlimited(void)   { return H5S_UNLIMITED; }
static inline H5F_libver_t chdf5_libver_latest(void) { return H5F_LIBVER_LATEST; }
static inline unsigned chdf5_acc_swmr_read(void) { return H5F_ACC_SWMR_READ; }
static inline size_t chdf5_variable(void)     { return H5T_VARIABLE; }
// Silence HDF5's automatic error-stack printing on the calling thread.
static inline herr_t chdf5_silence_errors(void) { return H5Eset_auto2(H5E_DEFAULT, NULL, NULL); }
#endif
