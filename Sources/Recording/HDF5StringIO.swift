import CHDF5
import Foundation

/// Conversions between Swift strings and the two HDF5 string layouts.
///
/// TwinLab writes variable-length UTF-8 strings (what h5py writes for `str`); it reads both
/// variable-length and fixed-length strings so files from other tools (numpy `S` arrays) load too.
enum HDF5StringIO {
    /// Calls `body` with a buffer of `count` C-string pointers, as HDF5 expects for variable-length strings.
    ///
    /// Strings are cut at an embedded NUL, which HDF5 cannot store.
    static func withPointers<R>(
        to strings: some Collection<String>, _ body: (UnsafeRawPointer) throws -> R
    ) rethrows -> R {
        let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        defer { pointers.forEach { free($0) } }
        return try pointers.withUnsafeBufferPointer { try body(UnsafeRawPointer($0.baseAddress!)) }
    }

    /// Reads `count` strings stored with `storedType`, through `read(memoryType, buffer)`.
    ///
    /// `read` is `H5Aread` or `H5Dread` with the caller's selections; it returns the HDF5 status.
    static func read(
        count: Int, storedType: hid_t, path: String, what: String,
        _ read: (hid_t, UnsafeMutableRawPointer) -> herr_t
    ) throws -> [String] {
        guard count > 0 else { return [] }
        let variable = try HDF5Call.truth(
            H5Tis_variable_str(storedType), .typeMismatch, path: path, "cannot inspect the string type of \(what)")
        let cset = H5Tget_cset(storedType)
        let memoryType = try HDF5Call.id(
            H5Tcopy(chdf5_c_s1()), .attributeRead, path: path, "cannot create a string type to read \(what)")
        defer { HDF5Call.closeQuietly(memoryType, H5Tclose) }
        if variable {
            try HDF5Call.check(
                H5Tset_size(memoryType, chdf5_variable()), .typeMismatch, path: path, "cannot read \(what)")
            try HDF5Call.check(H5Tset_cset(memoryType, cset), .typeMismatch, path: path, "cannot read \(what)")
            var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
            let status = pointers.withUnsafeMutableBufferPointer { read(memoryType, $0.baseAddress!) }
            try HDF5Call.check(status, .datasetRead, path: path, "cannot read the strings of \(what)")
            defer { pointers.forEach { if let pointer = $0 { H5free_memory(pointer) } } }
            return pointers.map { $0.map { String(cString: $0) } ?? "" }
        }
        let size = H5Tget_size(storedType)
        guard size > 0 else {
            throw HDF5Call.failure(.typeMismatch, "cannot read the string size of \(what)", path: path)
        }
        try HDF5Call.check(H5Tset_size(memoryType, size), .typeMismatch, path: path, "cannot read \(what)")
        try HDF5Call.check(H5Tset_cset(memoryType, cset), .typeMismatch, path: path, "cannot read \(what)")
        try HDF5Call.check(
            H5Tset_strpad(memoryType, H5T_STR_NULLPAD), .typeMismatch, path: path, "cannot read \(what)")
        var bytes = [UInt8](repeating: 0, count: count * size)
        let status = bytes.withUnsafeMutableBytes { read(memoryType, $0.baseAddress!) }
        try HDF5Call.check(status, .datasetRead, path: path, "cannot read the strings of \(what)")
        return (0..<count).map { index in
            let slot = bytes[(index * size)..<((index + 1) * size)]
            let end = slot.firstIndex(of: 0) ?? slot.endIndex
            return String(decoding: slot[slot.startIndex..<end], as: UTF8.self)
        }
    }
}
