import CHDF5

/// The shared engine of the appendable writers: an extendible chunked dataset fed from a row buffer.
///
/// The buffer always starts at a chunk boundary (`bufferStartRow` is a multiple of `chunkRows`),
/// so every `H5Dwrite` covers whole chunks or the head of one. `flush()` writes a partial
/// buffer but keeps it, and the next write rewrites that chunk in full, which keeps writes
/// aligned and the final contents independent of when flushes happened.
final class ChunkedAppender<Element: HDF5VectorElement> {
    let dataset: HDF5Dataset
    /// Values per row: the column count of a 2-D dataset, 1 for a 1-D one.
    let width: Int
    let chunkRows: Int
    private let rank: Int32
    private let memoryType: hid_t
    private let ownsMemoryType: Bool
    private var buffer: [Element] = []
    private var bufferStartRow = 0
    private var extentRows = 0
    /// Whether the buffer holds values not yet handed to HDF5.
    private var dirty = false
    private(set) var isClosed = false

    /// Rows appended so far, written or buffered.
    var rowCount: Int { bufferStartRow + buffer.count / width }

    /// Creates the dataset `name` under `parent`: rank 2 with `width` columns, or rank 1 when `width` is nil.
    init(parent: some HDF5Container, name: String, width: Int?, options: HDF5StorageOptions, what: String) throws {
        HDF5Call.prepare()
        let path = parent.filePath
        let kind = Element.hdf5ElementKind
        self.width = width ?? 1
        self.rank = width == nil ? 1 : 2
        self.chunkRows = options.chunkRows
        try options.validate(rowWidth: self.width, elementBytes: kind.memoryBytes, path: path, what: what)
        let rowDims: [hsize_t] = width.map { [hsize_t($0)] } ?? []
        var dims: [hsize_t] = [0] + rowDims
        var maxDims: [hsize_t] = [chdf5_unlimited()] + rowDims
        var chunk: [hsize_t] = [hsize_t(options.chunkRows)] + rowDims
        let space = try HDF5Call.id(
            H5Screate_simple(rank, &dims, &maxDims), .datasetCreate, path: path, "cannot create \(what)")
        defer { HDF5Call.closeQuietly(space, H5Sclose) }
        let dcpl = try HDF5Call.id(
            H5Pcreate(chdf5_p_dataset_create()), .datasetCreate, path: path, "cannot create \(what)")
        defer { HDF5Call.closeQuietly(dcpl, H5Pclose) }
        try HDF5Call.check(H5Pset_chunk(dcpl, rank, &chunk), .datasetCreate, path: path, "cannot chunk \(what)")
        // Timestamps in object headers are the only thing that makes identical runs differ byte-wise.
        try HDF5Call.check(
            H5Pset_obj_track_times(dcpl, false), .datasetCreate, path: path, "cannot configure \(what)")
        if let level = options.deflateLevel {
            if options.shuffle {
                try HDF5Call.check(H5Pset_shuffle(dcpl), .datasetCreate, path: path, "cannot add shuffle to \(what)")
            }
            try HDF5Call.check(
                H5Pset_deflate(dcpl, UInt32(level)), .datasetCreate, path: path,
                "cannot add deflate to \(what) (HDF5 built without zlib?)")
        }
        // Last in the pipeline, as h5py orders it: the checksum covers the bytes on disk.
        // HDF5 refuses it on variable-length strings, whose chunks hold only references into
        // the global heap; the output digest covers their text.
        if options.fletcher32, kind != .string {
            try HDF5Call.check(
                H5Pset_fletcher32(dcpl), .datasetCreate, path: path, "cannot add a Fletcher-32 checksum to \(what)")
        }
        let types = try Self.makeTypes(path: path)
        memoryType = types.memory
        ownsMemoryType = types.owned
        let id = H5Dcreate2(
            try parent.validID(), name, types.file, space, chdf5_p_default(), dcpl, chdf5_p_default())
        guard id >= 0 else {
            let error = HDF5Call.failure(
                .datasetCreate,
                "cannot create \(what): the name is taken, a parent group is missing, or the file is read-only",
                path: path)
            if types.owned { HDF5Call.closeQuietly(types.memory, H5Tclose) }
            throw error
        }
        dataset = HDF5Dataset(id: id, file: parent.file, objectPath: HDF5Call.join(parent.objectPath, name))
        buffer.reserveCapacity(options.chunkRows * self.width)
    }

    deinit {
        // Best effort for a writer dropped without close(); errors can only be discarded here.
        if !isClosed {
            HDF5Call.prepare()
            if dirty { try? writeBuffer() }
        }
        if ownsMemoryType { HDF5Call.closeQuietly(memoryType, H5Tclose) }
    }

    /// Appends values row-major; `values.count` must be a multiple of `width` (checked by the callers).
    func append<C: Collection<Element>>(contentsOf values: C) throws {
        try requireOpen()
        let capacity = chunkRows * width
        var index = values.startIndex
        while true {
            if buffer.count == capacity {
                try writeBuffer()
                bufferStartRow += chunkRows
                buffer.removeAll(keepingCapacity: true)
            }
            if index == values.endIndex { break }
            let end = values.index(index, offsetBy: capacity - buffer.count, limitedBy: values.endIndex)
                ?? values.endIndex
            buffer.append(contentsOf: values[index..<end])
            dirty = true
            index = end
        }
    }

    /// Writes buffered rows (keeping them for alignment) and flushes the whole file to the OS.
    func flush() throws {
        try requireOpen()
        HDF5Call.prepare()
        if dirty { try writeBuffer() }
        try HDF5Call.check(
            H5Fflush(try dataset.validID(), H5F_SCOPE_GLOBAL), .flush, path: dataset.filePath,
            "cannot flush HDF5 file '\(dataset.filePath)' after writing \(dataset.objectPath)")
    }

    /// Writes what is buffered and closes the dataset; later appends throw `.closed`.
    func close() throws {
        guard !isClosed else { return }
        HDF5Call.prepare()
        if dirty { try writeBuffer() }
        isClosed = true
        try dataset.close()
    }

    private func requireOpen() throws {
        if isClosed {
            throw HDF5Error(
                code: .closed, message: "writer for \(dataset.displayName) is already closed", path: dataset.filePath)
        }
    }

    /// Writes the buffer at `bufferStartRow`, growing the dataset as needed.
    private func writeBuffer() throws {
        let rows = buffer.count / width
        guard rows > 0 else { return }
        let id = try dataset.validID()
        let path = dataset.filePath
        let what = "rows \(bufferStartRow)..<\(bufferStartRow + rows) of \(dataset.displayName)"
        let rowDims: [hsize_t] = rank == 2 ? [hsize_t(width)] : []
        if bufferStartRow + rows > extentRows {
            var extent: [hsize_t] = [hsize_t(bufferStartRow + rows)] + rowDims
            try HDF5Call.check(H5Dset_extent(id, &extent), .datasetWrite, path: path, "cannot extend for \(what)")
            extentRows = bufferStartRow + rows
        }
        let fileSpace = try HDF5Call.id(H5Dget_space(id), .datasetWrite, path: path, "cannot select \(what)")
        defer { HDF5Call.closeQuietly(fileSpace, H5Sclose) }
        var start: [hsize_t] = [hsize_t(bufferStartRow)] + (rank == 2 ? [0] : [])
        var count: [hsize_t] = [hsize_t(rows)] + rowDims
        try HDF5Call.check(
            H5Sselect_hyperslab(fileSpace, H5S_SELECT_SET, &start, nil, &count, nil), .datasetWrite, path: path,
            "cannot select \(what)")
        let memorySpace = try HDF5Call.id(
            H5Screate_simple(rank, &count, nil), .datasetWrite, path: path, "cannot select \(what)")
        defer { HDF5Call.closeQuietly(memorySpace, H5Sclose) }
        let status: herr_t
        if Element.hdf5ElementKind == .string {
            // The element kind guarantees Element == String.
            status = HDF5StringIO.withPointers(to: buffer as! [String]) {
                H5Dwrite(id, memoryType, memorySpace, fileSpace, chdf5_p_default(), $0)
            }
        } else {
            status = buffer.withUnsafeBytes {
                H5Dwrite(id, memoryType, memorySpace, fileSpace, chdf5_p_default(), $0.baseAddress)
            }
        }
        try HDF5Call.check(status, .datasetWrite, path: path, "cannot write \(what) (disk full?)")
        dirty = false
    }

    private static func makeTypes(path: String) throws -> (file: hid_t, memory: hid_t, owned: Bool) {
        switch Element.hdf5ElementKind {
        case .int64: return (chdf5_std_i64le(), chdf5_native_int64(), false)
        case .double: return (chdf5_ieee_f64le(), chdf5_native_double(), false)
        case .string:
            let type = try HDF5Call.makeVariableStringType(path: path)
            return (type, type, true)
        }
    }
}
