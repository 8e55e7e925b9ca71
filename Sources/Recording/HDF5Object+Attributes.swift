import CHDF5

/// Attribute writing and reading for files, groups and datasets.
extension HDF5Object {
    /// Writes a UTF-8 string attribute, replacing any attribute of the same name.
    public func setAttribute(_ name: String, _ value: String) throws { try setAttribute(name, value: .string(value)) }
    /// Writes a 1-D string array attribute.
    public func setAttribute(_ name: String, _ value: [String]) throws { try setAttribute(name, value: .strings(value)) }
    /// Writes an int64 attribute.
    public func setAttribute(_ name: String, _ value: Int64) throws { try setAttribute(name, value: .int64(value)) }
    /// Writes an int64 attribute from an `Int` (so integer literals need no annotation).
    public func setAttribute(_ name: String, _ value: Int) throws { try setAttribute(name, value: .int64(Int64(value))) }
    /// Writes a 1-D int64 array attribute.
    public func setAttribute(_ name: String, _ value: [Int64]) throws { try setAttribute(name, value: .int64s(value)) }
    /// Writes a float64 attribute.
    public func setAttribute(_ name: String, _ value: Double) throws { try setAttribute(name, value: .double(value)) }
    /// Writes a 1-D float64 array attribute.
    public func setAttribute(_ name: String, _ value: [Double]) throws { try setAttribute(name, value: .doubles(value)) }

    /// Writes an attribute of any supported shape, replacing one of the same name.
    ///
    /// - Throws: ``HDF5Error`` `.attributeWrite` (read-only file, invalid name, disk full).
    public func setAttribute(_ name: String, value: HDF5AttributeValue) throws {
        HDF5Call.prepare()
        let id = try validID()
        let what = "attribute '\(name)' of \(displayName)"
        let path = filePath
        if try HDF5Call.truth(H5Aexists(id, name), .attributeWrite, path: path, "cannot look up \(what)") {
            try HDF5Call.check(H5Adelete(id, name), .attributeWrite, path: path, "cannot replace \(what)")
        }
        let count: Int?
        switch value {
        case .string, .int64, .double: count = nil
        case .strings(let items): count = items.count
        case .int64s(let items): count = items.count
        case .doubles(let items): count = items.count
        }
        let space = try Self.makeSpace(count: count, path: path, what: what)
        defer { HDF5Call.closeQuietly(space, H5Sclose) }
        let types = try Self.makeTypes(for: value, path: path)
        defer {
            if types.owned { HDF5Call.closeQuietly(types.file, H5Tclose) }
        }
        let attribute = try HDF5Call.id(
            H5Acreate2(id, name, types.file, space, chdf5_p_default(), chdf5_p_default()), .attributeWrite,
            path: path, "cannot create \(what) (read-only file?)")
        defer { HDF5Call.closeQuietly(attribute, H5Aclose) }
        if count == 0 { return }
        let status: herr_t
        switch value {
        case .string(let text): status = HDF5StringIO.withPointers(to: [text]) { H5Awrite(attribute, types.memory, $0) }
        case .strings(let items): status = HDF5StringIO.withPointers(to: items) { H5Awrite(attribute, types.memory, $0) }
        case .int64(let number): status = withUnsafePointer(to: number) { H5Awrite(attribute, types.memory, $0) }
        case .int64s(let items): status = items.withUnsafeBufferPointer { H5Awrite(attribute, types.memory, $0.baseAddress) }
        case .double(let number): status = withUnsafePointer(to: number) { H5Awrite(attribute, types.memory, $0) }
        case .doubles(let items): status = items.withUnsafeBufferPointer { H5Awrite(attribute, types.memory, $0.baseAddress) }
        }
        try HDF5Call.check(status, .attributeWrite, path: path, "cannot write \(what)")
    }

    /// Whether an attribute with this name exists.
    public func hasAttribute(_ name: String) throws -> Bool {
        HDF5Call.prepare()
        return try HDF5Call.truth(
            H5Aexists(try validID(), name), .attributeRead, path: filePath,
            "cannot look up attribute '\(name)' of \(displayName)")
    }

    /// The attribute names in name order (HDF5's name index, so the order is stable).
    public func attributeNames() throws -> [String] {
        HDF5Call.prepare()
        let id = try validID()
        let collector = AttributeNameCollector()
        var index: hsize_t = 0
        let status = withExtendedLifetime(collector) {
            H5Aiterate2(id, H5_INDEX_NAME, H5_ITER_INC, &index, { _, name, _, context in
                guard let name, let context else { return 0 }
                Unmanaged<AttributeNameCollector>.fromOpaque(context).takeUnretainedValue()
                    .names.append(String(cString: name))
                return 0
            }, Unmanaged.passUnretained(collector).toOpaque())
        }
        try HDF5Call.check(status, .attributeRead, path: filePath, "cannot list the attributes of \(displayName)")
        return collector.names
    }

    /// Reads an attribute of any supported type.
    ///
    /// Integers of any width read as `int64`, floats of any width as `float64`.
    /// - Throws: ``HDF5Error`` `.notFound` when missing, `.typeMismatch` for other types (compound, enum …).
    public func attribute(_ name: String) throws -> HDF5AttributeValue {
        let what = "attribute '\(name)' of \(displayName)"
        guard try hasAttribute(name) else {
            throw HDF5Error(code: .notFound, message: "no \(what)", path: filePath)
        }
        let path = filePath
        let attribute = try HDF5Call.id(
            H5Aopen(try validID(), name, chdf5_p_default()), .attributeRead, path: path, "cannot open \(what)")
        defer { HDF5Call.closeQuietly(attribute, H5Aclose) }
        let type = try HDF5Call.id(H5Aget_type(attribute), .attributeRead, path: path, "cannot read the type of \(what)")
        defer { HDF5Call.closeQuietly(type, H5Tclose) }
        let space = try HDF5Call.id(H5Aget_space(attribute), .attributeRead, path: path, "cannot read the shape of \(what)")
        defer { HDF5Call.closeQuietly(space, H5Sclose) }
        let spaceClass = H5Sget_simple_extent_type(space)
        let isArray = spaceClass != H5S_SCALAR
        let count = spaceClass == H5S_NULL ? 0 : Int(H5Sget_simple_extent_npoints(space))
        switch H5Tget_class(type) {
        case H5T_STRING:
            let items = try HDF5StringIO.read(count: count, storedType: type, path: path, what: what) {
                H5Aread(attribute, $0, $1)
            }
            return isArray ? .strings(items) : .string(items.first ?? "")
        case H5T_INTEGER:
            var items = [Int64](repeating: 0, count: count)
            if count > 0 {
                let status = items.withUnsafeMutableBufferPointer { H5Aread(attribute, chdf5_native_int64(), $0.baseAddress) }
                try HDF5Call.check(status, .attributeRead, path: path, "cannot read \(what) as int64")
            }
            return isArray ? .int64s(items) : .int64(items.first ?? 0)
        case H5T_FLOAT:
            var items = [Double](repeating: 0, count: count)
            if count > 0 {
                let status = items.withUnsafeMutableBufferPointer { H5Aread(attribute, chdf5_native_double(), $0.baseAddress) }
                try HDF5Call.check(status, .attributeRead, path: path, "cannot read \(what) as float64")
            }
            return isArray ? .doubles(items) : .double(items.first ?? 0)
        default:
            throw HDF5Error(
                code: .typeMismatch, message: "\(what) has a type TwinLab does not read (not string, integer or float)",
                path: path)
        }
    }

    /// Reads a scalar string attribute.
    public func stringAttribute(_ name: String) throws -> String {
        if case .string(let value) = try attribute(name) { return value }
        throw try mismatch(name, expected: "string")
    }

    /// Reads a string array attribute.
    public func stringArrayAttribute(_ name: String) throws -> [String] {
        if case .strings(let value) = try attribute(name) { return value }
        throw try mismatch(name, expected: "string array")
    }

    /// Reads a scalar integer attribute.
    public func int64Attribute(_ name: String) throws -> Int64 {
        if case .int64(let value) = try attribute(name) { return value }
        throw try mismatch(name, expected: "int64")
    }

    /// Reads an integer array attribute.
    public func int64ArrayAttribute(_ name: String) throws -> [Int64] {
        if case .int64s(let value) = try attribute(name) { return value }
        throw try mismatch(name, expected: "int64 array")
    }

    /// Reads a scalar float attribute.
    public func doubleAttribute(_ name: String) throws -> Double {
        if case .double(let value) = try attribute(name) { return value }
        throw try mismatch(name, expected: "float64")
    }

    /// Reads a float array attribute.
    public func doubleArrayAttribute(_ name: String) throws -> [Double] {
        if case .doubles(let value) = try attribute(name) { return value }
        throw try mismatch(name, expected: "float64 array")
    }

    private func mismatch(_ name: String, expected: String) throws -> HDF5Error {
        let found = try attribute(name).typeName
        return HDF5Error(
            code: .typeMismatch,
            message: "attribute '\(name)' of \(displayName) is a \(found), not a \(expected)", path: filePath)
    }

    private static func makeSpace(count: Int?, path: String, what: String) throws -> hid_t {
        guard let count else {
            return try HDF5Call.id(H5Screate(H5S_SCALAR), .attributeWrite, path: path, "cannot create \(what)")
        }
        if count == 0 {
            return try HDF5Call.id(H5Screate(H5S_NULL), .attributeWrite, path: path, "cannot create \(what)")
        }
        var dims = [hsize_t(count)]
        return try HDF5Call.id(H5Screate_simple(1, &dims, nil), .attributeWrite, path: path, "cannot create \(what)")
    }

    /// The stored and in-memory types for a value; `owned` means the caller closes `file` (== `memory`).
    private static func makeTypes(
        for value: HDF5AttributeValue, path: String
    ) throws -> (file: hid_t, memory: hid_t, owned: Bool) {
        switch value {
        case .string, .strings:
            let type = try HDF5Call.makeVariableStringType(path: path)
            return (type, type, true)
        case .int64, .int64s:
            return (chdf5_std_i64le(), chdf5_native_int64(), false)
        case .double, .doubles:
            return (chdf5_ieee_f64le(), chdf5_native_double(), false)
        }
    }
}

/// Accumulates attribute names for the `H5Aiterate2` callback, which cannot capture context.
private final class AttributeNameCollector {
    var names: [String] = []
}
