import CHDF5

/// Whole-array datasets written in one call: the fixed-size, contiguous layout dataset
/// exporters (Minari episodes) need, as opposed to the appendable writers of a run.
extension HDF5Container {
    /// Writes a float32 dataset of `shape` (row-major `values`, converted from float64).
    ///
    /// - Throws: ``HDF5Error`` `.invalidArgument` when `values` does not fill `shape`,
    ///   `.datasetCreate` / `.datasetWrite` when HDF5 fails (name taken, read-only file).
    @discardableResult
    public func writeFloat32Array(_ name: String, shape: [Int], values: [Double]) throws -> HDF5Dataset {
        let floats = values.map { Float($0) }
        return try writeArray(name, shape: shape, count: floats.count, fileType: chdf5_ieee_f32le()) { id, space in
            floats.withUnsafeBytes { H5Dwrite(id, chdf5_native_float(), space, space, chdf5_p_default(), $0.baseAddress) }
        }
    }

    /// Writes a float64 dataset of `shape` (row-major `values`).
    @discardableResult
    public func writeFloat64Array(_ name: String, shape: [Int], values: [Double]) throws -> HDF5Dataset {
        try writeArray(name, shape: shape, count: values.count, fileType: chdf5_ieee_f64le()) { id, space in
            values.withUnsafeBytes { H5Dwrite(id, chdf5_native_double(), space, space, chdf5_p_default(), $0.baseAddress) }
        }
    }

    /// Writes an int64 dataset of `shape` (row-major `values`).
    @discardableResult
    public func writeInt64Array(_ name: String, shape: [Int], values: [Int64]) throws -> HDF5Dataset {
        try writeArray(name, shape: shape, count: values.count, fileType: chdf5_std_i64le()) { id, space in
            values.withUnsafeBytes { H5Dwrite(id, chdf5_native_int64(), space, space, chdf5_p_default(), $0.baseAddress) }
        }
    }

    /// Writes a 1-D boolean dataset the way h5py stores numpy `bool`: an HDF5 enum over
    /// int8 with members `FALSE = 0`, `TRUE = 1`, which h5py and Minari read back as `bool`.
    @discardableResult
    public func writeBoolArray(_ name: String, values: [Bool]) throws -> HDF5Dataset {
        HDF5Call.prepare()
        let path = filePath
        let type = try Self.makeBoolType(path: path)
        defer { HDF5Call.closeQuietly(type, H5Tclose) }
        let bytes = values.map { Int8($0 ? 1 : 0) }
        return try writeArray(name, shape: [values.count], count: bytes.count, fileType: type) { id, space in
            bytes.withUnsafeBytes { H5Dwrite(id, type, space, space, chdf5_p_default(), $0.baseAddress) }
        }
    }

    /// The enum type `{FALSE = 0, TRUE = 1}` over a little-endian signed 8-bit integer.
    private static func makeBoolType(path: String) throws -> hid_t {
        // The shim has no int8 constant; a signed copy of uint8 is exactly H5T_STD_I8LE.
        let base = try HDF5Call.id(H5Tcopy(chdf5_std_u8le()), .invalidArgument, path: path, "cannot create an int8 type")
        defer { HDF5Call.closeQuietly(base, H5Tclose) }
        try HDF5Call.check(H5Tset_sign(base, H5T_SGN_2), .invalidArgument, path: path, "cannot create an int8 type")
        let type = try HDF5Call.id(H5Tenum_create(base), .invalidArgument, path: path, "cannot create a bool enum type")
        for (member, value) in [("FALSE", Int8(0)), ("TRUE", Int8(1))] {
            var stored = value
            if H5Tenum_insert(type, member, &stored) < 0 {
                let error = HDF5Call.failure(.invalidArgument, "cannot add \(member) to the bool enum type", path: path)
                HDF5Call.closeQuietly(type, H5Tclose)
                throw error
            }
        }
        return type
    }

    private func writeArray(
        _ name: String, shape: [Int], count: Int, fileType: hid_t,
        write: (hid_t, hid_t) -> herr_t
    ) throws -> HDF5Dataset {
        HDF5Call.prepare()
        let path = filePath
        let what = "dataset '\(path):\(HDF5Call.join(objectPath, name))'"
        guard shape.reduce(1, *) == count, shape.allSatisfy({ $0 >= 0 }) else {
            throw HDF5Error(
                code: .invalidArgument,
                message: "cannot write \(what): \(count) values do not fill the shape \(shape)", path: path)
        }
        var dims = shape.map { hsize_t($0) }
        let space = try HDF5Call.id(
            H5Screate_simple(Int32(dims.count), &dims, nil), .datasetCreate, path: path, "cannot create \(what)")
        defer { HDF5Call.closeQuietly(space, H5Sclose) }
        let dcpl = try HDF5Call.id(
            H5Pcreate(chdf5_p_dataset_create()), .datasetCreate, path: path, "cannot create \(what)")
        defer { HDF5Call.closeQuietly(dcpl, H5Pclose) }
        // Timestamps in object headers would make two exports of the same run differ byte-wise.
        try HDF5Call.check(H5Pset_obj_track_times(dcpl, false), .datasetCreate, path: path, "cannot configure \(what)")
        let id = H5Dcreate2(try validID(), name, fileType, space, chdf5_p_default(), dcpl, chdf5_p_default())
        guard id >= 0 else {
            throw HDF5Call.failure(
                .datasetCreate, "cannot create \(what): the name is taken, a parent group is missing, or the file is read-only",
                path: path)
        }
        let dataset = HDF5Dataset(id: id, file: file, objectPath: HDF5Call.join(objectPath, name))
        if count > 0 {
            try HDF5Call.check(write(id, chdf5_s_all()), .datasetWrite, path: path, "cannot write \(what)")
        }
        return dataset
    }
}
