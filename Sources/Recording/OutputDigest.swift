import Crypto

/// The SHA-256 of everything a run file says: every group, dataset, attribute and value, in a
/// canonical order that other tools can recompute (docs/run-file-format.md, "Output digest").
///
/// The digest is of the content, not of the bytes on disk: HDF5's layout (chunking,
/// compression, checksums, free space) does not enter it, so it names what a run recorded.
/// The byte stream hashed is a sequence of items, each its byte length as an unsigned 64-bit
/// little-endian integer followed by the bytes. Objects come in the byte order of their
/// absolute paths (UTF-8), the root group `/` first; each contributes
///
/// - `group <path>` or `dataset <path>`;
/// - per attribute, in the byte order of the names: `attribute <name>`, a type tag
///   (`string`, `string[]`, `int64`, `int64[]`, `float64`, `float64[]`) and the value:
///   UTF-8 for a string, one item per element for a string array, 8 bytes little-endian per
///   number; the root's `output_digest` is left out, since it holds the result;
/// - for a dataset: a type tag (`float64`, `int64` or `string`), its shape (8 bytes
///   little-endian per dimension) and its values, row-major, encoded as for attributes.
///
/// Reading every dataset also makes HDF5 check every chunk's Fletcher-32 checksum.
public struct OutputDigest: Sendable, Equatable {
    /// The root attribute that stores the digest of a finished run.
    public static let attributeName = "output_digest"

    /// The SHA-256, 64 lowercase hex digits.
    public var hex: String
    /// Groups hashed, the root included.
    public var groups: Int
    /// Datasets hashed (every one read in full).
    public var datasets: Int
    /// Datasets whose chunks carry HDF5's Fletcher-32 checksum, which the reads verified.
    public var checksummedDatasets: Int
    /// Attributes hashed.
    public var attributes: Int
    /// Bytes of dataset values hashed (8 per number).
    public var dataBytes: Int

    /// Computes the digest of an open file's content.
    ///
    /// - Throws: ``RunFileIntegrityError`` `.checksum` when a dataset's chunk fails its
    ///   Fletcher-32 checksum, `.damaged` when an object, attribute or dataset cannot be read or
    ///   holds a type TwinLab does not write (its `object` names which).
    public static func compute(of file: HDF5File) throws -> OutputDigest {
        var hasher = Hasher()
        var digest = OutputDigest(hex: "", groups: 0, datasets: 0, checksummedDatasets: 0, attributes: 0, dataBytes: 0)
        let links = try reading("/", of: file) { try file.descendants() }
        let paths = [HDF5Link(name: "/", kind: .group)] + links.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        for link in paths {
            let path = link.name
            switch link.kind {
            case .group:
                let group: any HDF5Container
                if path == "/" { group = file } else { group = try reading(path, of: file) { try file.openGroup(path) } }
                hasher.item("group \(path)")
                digest.attributes += try hashAttributes(of: group, path: path, into: &hasher)
                digest.groups += 1
            case .dataset:
                let dataset = try reading(path, of: file) { try file.openDataset(path) }
                hasher.item("dataset \(path)")
                digest.attributes += try hashAttributes(of: dataset, path: path, into: &hasher)
                digest.dataBytes += try hashValues(of: dataset, path: path, into: &hasher)
                digest.datasets += 1
                if try reading(path, of: file, { try dataset.storage()?.fletcher32 }) == true {
                    digest.checksummedDatasets += 1
                }
            case .other:
                throw RunFileIntegrityError(
                    .damaged, "'\(file.path):\(path)' is neither a group nor a dataset (a dangling link or a named "
                        + "type): run files hold only groups and datasets", path: file.path, object: path)
            }
        }
        digest.hex = hasher.finalize()
        return digest
    }

    /// Computes the digest of a finished file and stores it as the root attribute
    /// `output_digest`; returns it. Call after the last write: any later change breaks it.
    @discardableResult
    public static func seal(_ file: HDF5File) throws -> String {
        let digest = try compute(of: file).hex
        try file.setAttribute(attributeName, digest)
        return digest
    }

    private static func hashAttributes(of object: some HDF5Object, path: String, into hasher: inout Hasher) throws -> Int {
        let names = try reading(path, of: object.file) { try object.attributeNames() }
            .filter { !(path == "/" && $0 == attributeName) }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for name in names {
            let value = try reading(path, of: object.file, attribute: name) { try object.attribute(name) }
            hasher.item("attribute \(name)")
            switch value {
            case .string(let text): hasher.item("string"); hasher.item(text)
            case .strings(let items): hasher.item("string[]"); hasher.strings(items)
            case .int64(let number): hasher.item("int64"); hasher.numbers([number])
            case .int64s(let items): hasher.item("int64[]"); hasher.numbers(items)
            case .double(let number): hasher.item("float64"); hasher.numbers([number])
            case .doubles(let items): hasher.item("float64[]"); hasher.numbers(items)
            }
        }
        return names.count
    }

    /// Hashes the dataset's type, shape and values; returns the bytes of values hashed.
    private static func hashValues(of dataset: HDF5Dataset, path: String, into hasher: inout Hasher) throws -> Int {
        let file = dataset.file
        let shape = try reading(path, of: file) { try dataset.shape() }
        let kind = try reading(path, of: file) { try dataset.elementKind() }
        switch kind {
        case .double?:
            let values = try reading(path, of: file) { try dataset.readDoubles() }
            hasher.item("float64")
            hasher.numbers(shape.map { Int64($0) })
            hasher.numbers(values)
            return values.count * 8
        case .int64?:
            let values = try reading(path, of: file) { try dataset.readInt64s() }
            hasher.item("int64")
            hasher.numbers(shape.map { Int64($0) })
            hasher.numbers(values)
            return values.count * 8
        case .string?:
            let values = try reading(path, of: file) { try dataset.readStrings() }
            hasher.item("string")
            hasher.numbers(shape.map { Int64($0) })
            hasher.strings(values)
            return values.reduce(0) { $0 + $1.utf8.count }
        case nil:
            throw RunFileIntegrityError(
                .damaged, "dataset '\(file.path):\(path)' holds a type TwinLab does not write (not float, integer or string)",
                path: file.path, object: path)
        }
    }

    /// Runs one read, turning an HDF5 failure into an integrity error that names the object:
    /// `.checksum` when HDF5 reports a Fletcher-32 mismatch, `.damaged` otherwise.
    private static func reading<T>(_ path: String, of file: HDF5File, attribute: String? = nil,
                                   _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as HDF5Error {
            let what = attribute.map { "attribute '\($0)' of '\(file.path):\(path)'" } ?? "'\(file.path):\(path)'"
            if error.cause.localizedCaseInsensitiveContains("fletcher") {
                throw RunFileIntegrityError(
                    .checksum, "\(what) fails its Fletcher-32 checksum: stored data changed after it was written",
                    path: file.path, object: path, cause: error.cause)
            }
            throw RunFileIntegrityError(
                .damaged, "\(what) cannot be read: \(error.message)", path: file.path, object: path,
                cause: error.cause)
        }
    }
}

/// SHA-256 over length-prefixed items, the encoding ``OutputDigest`` documents.
private struct Hasher {
    private var sha = SHA256()

    mutating func item(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            length(bytes.count)
            sha.update(bufferPointer: UnsafeRawBufferPointer(bytes))
        }
    }

    mutating func strings(_ items: [String]) {
        var total = 0
        for text in items { total += 8 + text.utf8.count }
        length(total)
        for text in items { item(text) }
    }

    /// One item holding the numbers' 8-byte little-endian forms.
    mutating func numbers(_ values: [Int64]) {
        length(values.count * 8)
        #if _endian(little)
        values.withUnsafeBytes { sha.update(bufferPointer: $0) }
        #else
        values.map(\.littleEndian).withUnsafeBytes { sha.update(bufferPointer: $0) }
        #endif
    }

    /// One item holding the numbers' IEEE 754 bits, 8 bytes little-endian each.
    mutating func numbers(_ values: [Double]) {
        #if _endian(little)
        length(values.count * 8)
        values.withUnsafeBytes { sha.update(bufferPointer: $0) }
        #else
        numbers(values.map { Int64(bitPattern: $0.bitPattern) })
        #endif
    }

    mutating func finalize() -> String {
        sha.finalize().map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    private mutating func length(_ count: Int) {
        withUnsafeBytes(of: UInt64(count).littleEndian) { sha.update(bufferPointer: $0) }
    }
}
