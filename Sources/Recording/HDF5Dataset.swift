import CHDF5

/// An open dataset inside an HDF5 file; closes itself when the last reference goes away.
///
/// Reading is whole-dataset: TwinLab's per-run files hold at most a few million rows per
/// series, which fit in memory. Use from one thread at a time.
public final class HDF5Dataset: HDF5Handle {
    init(id: hid_t, file: HDF5File, objectPath: String) {
        super.init(id: id, file: file, objectPath: objectPath, kind: "dataset", close: { H5Dclose($0) })
    }

    /// The current dimensions, e.g. `[rows, columns]`.
    public func shape() throws -> [Int] {
        try withSpace { space in
            var dims = [hsize_t](repeating: 0, count: Int(max(H5Sget_simple_extent_ndims(space), 0)))
            try HDF5Call.check(
                H5Sget_simple_extent_dims(space, &dims, nil), .datasetRead, path: filePath,
                "cannot read the shape of \(displayName)")
            return dims.map { Int($0) }
        }
    }

    /// The element kind, or nil for types TwinLab does not read (compound, enum, …).
    public func elementKind() throws -> HDF5ElementKind? {
        try withType { type in
            switch H5Tget_class(type) {
            case H5T_INTEGER: .int64
            case H5T_FLOAT: .double
            case H5T_STRING: .string
            default: nil
            }
        }
    }

    /// The chunking and filters the dataset was created with, or nil when it is not chunked.
    public func storage() throws -> HDF5StorageOptions? {
        HDF5Call.prepare()
        let dcpl = try HDF5Call.id(
            H5Dget_create_plist(try validID()), .datasetRead, path: filePath, "cannot inspect \(displayName)")
        defer { HDF5Call.closeQuietly(dcpl, H5Pclose) }
        guard H5Pget_layout(dcpl) == H5D_CHUNKED else { return nil }
        var chunk = [hsize_t](repeating: 0, count: 32)
        let rank = H5Pget_chunk(dcpl, 32, &chunk)
        try HDF5Call.check(rank, .datasetRead, path: filePath, "cannot read the chunk shape of \(displayName)")
        var options = HDF5StorageOptions(chunkRows: Int(chunk[0]), deflateLevel: nil, shuffle: false, fletcher32: false)
        for index in 0..<max(H5Pget_nfilters(dcpl), 0) {
            var flags: UInt32 = 0
            var valueCount = 8
            var values = [UInt32](repeating: 0, count: 8)
            var config: UInt32 = 0
            let filter = H5Pget_filter2(dcpl, UInt32(index), &flags, &valueCount, &values, 0, nil, &config)
            switch filter {
            case H5Z_FILTER_DEFLATE: options.deflateLevel = Int(values[0])
            case H5Z_FILTER_SHUFFLE: options.shuffle = true
            case H5Z_FILTER_FLETCHER32: options.fletcher32 = true
            case ..<0: _ = HDF5Call.takeErrorStack()
            default: break
            }
        }
        return options
    }

    /// Where the dataset's stored chunks lie in the file, as byte ranges in chunk order (empty
    /// for a dataset that is not chunked or has no data yet). Each range holds the chunk as
    /// stored: filtered (compressed), with its Fletcher-32 checksum last when it has one.
    public func storedChunks() throws -> [Range<Int>] {
        HDF5Call.prepare()
        let id = try validID()
        guard try storage() != nil else { return [] }
        let rank = try shape().count
        return try withSpace { space in
            var count: hsize_t = 0
            try HDF5Call.check(
                H5Dget_num_chunks(id, space, &count), .datasetRead, path: filePath,
                "cannot count the chunks of \(displayName)")
            return try (0..<count).map { index in
                var offset = [hsize_t](repeating: 0, count: max(rank, 1))
                var mask: UInt32 = 0
                var address: haddr_t = 0
                var size: hsize_t = 0
                try HDF5Call.check(
                    H5Dget_chunk_info(id, space, index, &offset, &mask, &address, &size), .datasetRead,
                    path: filePath, "cannot locate chunk \(index) of \(displayName)")
                return Int(address)..<(Int(address) + Int(size))
            }
        }
    }

    /// Reads every value as float64, row-major (integers and float32 are converted).
    public func readDoubles() throws -> [Double] {
        try readNumbers(memoryType: chdf5_native_double(), zero: 0.0, kind: "float64")
    }

    /// Reads every value as int64, row-major (narrower integers are converted).
    public func readInt64s() throws -> [Int64] {
        try readNumbers(memoryType: chdf5_native_int64(), zero: Int64(0), kind: "int64")
    }

    /// Reads every value of a string dataset (variable- or fixed-length), row-major.
    public func readStrings() throws -> [String] {
        let count = try shape().reduce(1, *)
        let id = try validID()
        return try withType { type in
            guard H5Tget_class(type) == H5T_STRING else {
                throw HDF5Error(code: .typeMismatch, message: "dataset \(displayName) does not hold strings", path: filePath)
            }
            return try HDF5StringIO.read(count: count, storedType: type, path: filePath, what: "dataset \(displayName)") {
                H5Dread(id, $0, chdf5_s_all(), chdf5_s_all(), chdf5_p_default(), $1)
            }
        }
    }

    /// Reads a 2-D numeric dataset with its `columns` and `units` attributes.
    ///
    /// - Throws: ``HDF5Error`` `.typeMismatch` when the dataset is not 2-D or not numeric, or
    ///   when the attributes do not have one entry per column.
    public func readTable() throws -> HDF5Table {
        let dims = try shape()
        guard dims.count == 2 else {
            throw HDF5Error(
                code: .typeMismatch, message: "dataset \(displayName) has \(dims.count) dimensions; a table needs 2",
                path: filePath)
        }
        let columns = try hasAttribute("columns")
            ? try stringArrayAttribute("columns") : (0..<dims[1]).map { "column\($0)" }
        let units = try hasAttribute("units") ? try stringArrayAttribute("units") : Array(repeating: "", count: dims[1])
        guard columns.count == dims[1], units.count == dims[1] else {
            throw HDF5Error(
                code: .typeMismatch,
                message: "dataset \(displayName) has \(dims[1]) columns but \(columns.count) column names and "
                    + "\(units.count) units",
                path: filePath)
        }
        return HDF5Table(columns: columns, units: units, rowCount: dims[0], values: try readDoubles())
    }

    private func readNumbers<T>(memoryType: hid_t, zero: T, kind: String) throws -> [T] {
        let count = try shape().reduce(1, *)
        let id = try validID()
        try withType { type in
            let typeClass = H5Tget_class(type)
            guard typeClass == H5T_INTEGER || typeClass == H5T_FLOAT else {
                throw HDF5Error(
                    code: .typeMismatch, message: "dataset \(displayName) is not numeric; cannot read it as \(kind)",
                    path: filePath)
            }
        }
        var values = [T](repeating: zero, count: count)
        guard count > 0 else { return values }
        let status = values.withUnsafeMutableBytes {
            H5Dread(id, memoryType, chdf5_s_all(), chdf5_s_all(), chdf5_p_default(), $0.baseAddress)
        }
        try HDF5Call.check(status, .datasetRead, path: filePath, "cannot read \(displayName) as \(kind)")
        return values
    }

    private func withSpace<R>(_ body: (hid_t) throws -> R) throws -> R {
        HDF5Call.prepare()
        let space = try HDF5Call.id(
            H5Dget_space(try validID()), .datasetRead, path: filePath, "cannot read the shape of \(displayName)")
        defer { HDF5Call.closeQuietly(space, H5Sclose) }
        return try body(space)
    }

    private func withType<R>(_ body: (hid_t) throws -> R) throws -> R {
        HDF5Call.prepare()
        let type = try HDF5Call.id(
            H5Dget_type(try validID()), .datasetRead, path: filePath, "cannot read the type of \(displayName)")
        defer { HDF5Call.closeQuietly(type, H5Tclose) }
        return try body(type)
    }
}
