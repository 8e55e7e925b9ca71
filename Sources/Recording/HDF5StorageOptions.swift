/// How an appendable dataset is chunked, compressed and checksummed.
///
/// `chunkRows` is also the writer's buffer size: rows are collected until a whole chunk is full
/// and then written with one `H5Dwrite`, which is about 12× faster than writing row by row.
/// Compression costs much more CPU than it saves on noisy float state (≈1.3× on random walks,
/// see the toolchain notes); turn it on for quantised or repetitive columns.
public struct HDF5StorageOptions: Sendable, Equatable {
    /// Rows per chunk and per write; about 4k–16k rows (256 KiB–1 MiB per chunk) works well.
    public var chunkRows: Int
    /// zlib level 0…9, or `nil` for no compression.
    public var deflateLevel: Int?
    /// Byte-shuffle before deflate (helps floats); ignored without deflate.
    public var shuffle: Bool
    /// HDF5's Fletcher-32 checksum on every chunk (applied after compression, so it covers the
    /// bytes on disk). HDF5 checks it on every read, so a flipped byte in stored data fails the
    /// read instead of returning a wrong number. Costs 4 bytes per chunk and one pass over
    /// each chunk written or read. Not applied to string datasets (HDF5 allows no checksum on
    /// variable-length data).
    public var fletcher32: Bool

    /// Creates options; the defaults are 4096-row chunks without compression, with checksums.
    public init(chunkRows: Int = 4096, deflateLevel: Int? = nil, shuffle: Bool = true, fletcher32: Bool = true) {
        self.chunkRows = chunkRows
        self.deflateLevel = deflateLevel
        self.shuffle = shuffle
        self.fletcher32 = fletcher32
    }

    /// Deflate at `level` with shuffle.
    public static func deflate(_ level: Int, chunkRows: Int = 4096) -> HDF5StorageOptions {
        HDF5StorageOptions(chunkRows: chunkRows, deflateLevel: level, shuffle: true)
    }

    /// Throws `.invalidArgument` for a chunk size or level HDF5 would reject.
    func validate(rowWidth: Int, elementBytes: Int, path: String, what: String) throws {
        guard chunkRows >= 1 else {
            throw HDF5Error(
                code: .invalidArgument, message: "cannot create \(what): chunkRows must be ≥ 1, got \(chunkRows)",
                path: path)
        }
        // HDF5 limits one chunk to 4 GiB.
        guard chunkRows.multipliedReportingOverflow(by: rowWidth * elementBytes).partialValue < (1 << 32) - 1 else {
            throw HDF5Error(
                code: .invalidArgument,
                message: "cannot create \(what): a chunk of \(chunkRows) rows × \(rowWidth) values exceeds 4 GiB; "
                    + "use fewer chunkRows",
                path: path)
        }
        if let level = deflateLevel, !(0...9).contains(level) {
            throw HDF5Error(
                code: .invalidArgument, message: "cannot create \(what): deflateLevel must be 0…9, got \(level)",
                path: path)
        }
    }
}
