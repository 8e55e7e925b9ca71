import CHDF5

/// An HDF5 object that holds links to other objects: a file (its root group) or a group.
public protocol HDF5Container: HDF5Object {}

extension HDF5Container {
    /// Creates a child group (object time tracking off, so files stay byte-reproducible).
    ///
    /// `name` may be a relative path whose parents already exist.
    /// - Throws: ``HDF5Error`` `.groupCreate` when the name is taken or a parent is missing.
    public func createGroup(_ name: String) throws -> HDF5Group {
        HDF5Call.prepare()
        let path = HDF5Call.join(objectPath, name)
        let gcpl = try HDF5Call.id(
            H5Pcreate(chdf5_p_group_create()), .groupCreate, path: filePath,
            "cannot create group '\(filePath):\(path)': property list failed")
        defer { HDF5Call.closeQuietly(gcpl, H5Pclose) }
        try HDF5Call.check(
            H5Pset_obj_track_times(gcpl, false), .groupCreate, path: filePath,
            "cannot create group '\(filePath):\(path)': turning time tracking off failed")
        let id = H5Gcreate2(try validID(), name, chdf5_p_default(), gcpl, chdf5_p_default())
        guard id >= 0 else {
            throw HDF5Call.failure(
                .groupCreate,
                "cannot create group '\(filePath):\(path)': the name is taken, a parent group is missing, "
                    + "or the file is read-only",
                path: filePath)
        }
        return HDF5Group(id: id, file: file, objectPath: path)
    }

    /// Opens an existing child group.
    /// - Throws: ``HDF5Error`` `.notFound` when there is no such link, `.groupOpen` when it is not a group.
    public func openGroup(_ name: String) throws -> HDF5Group {
        HDF5Call.prepare()
        let path = HDF5Call.join(objectPath, name)
        try requireLink(name, path: path, what: "group")
        let id = H5Gopen2(try validID(), name, chdf5_p_default())
        guard id >= 0 else {
            throw HDF5Call.failure(
                .groupOpen, "cannot open '\(filePath):\(path)' as a group (is it a dataset?)", path: filePath)
        }
        return HDF5Group(id: id, file: file, objectPath: path)
    }

    /// Opens an existing child dataset.
    /// - Throws: ``HDF5Error`` `.notFound` when there is no such link, `.datasetOpen` when it is not a dataset.
    public func openDataset(_ name: String) throws -> HDF5Dataset {
        HDF5Call.prepare()
        let path = HDF5Call.join(objectPath, name)
        try requireLink(name, path: path, what: "dataset")
        let id = H5Dopen2(try validID(), name, chdf5_p_default())
        guard id >= 0 else {
            throw HDF5Call.failure(
                .datasetOpen, "cannot open '\(filePath):\(path)' as a dataset (is it a group?)", path: filePath)
        }
        return HDF5Dataset(id: id, file: file, objectPath: path)
    }

    /// Whether a direct child link with this name exists.
    public func contains(_ name: String) throws -> Bool {
        HDF5Call.prepare()
        return try HDF5Call.truth(
            H5Lexists(try validID(), name, chdf5_p_default()), .listing, path: filePath,
            "cannot look up '\(name)' in \(displayName)")
    }

    /// The direct children, sorted by name (HDF5's name index, so the order is stable).
    public func children() throws -> [HDF5Link] {
        HDF5Call.prepare()
        let id = try validID()
        let names = NameCollector()
        var index: hsize_t = 0
        let status = withExtendedLifetime(names) {
            H5Literate(id, H5_INDEX_NAME, H5_ITER_INC, &index, { _, name, _, context in
                guard let name, let context else { return 0 }
                Unmanaged<NameCollector>.fromOpaque(context).takeUnretainedValue().names.append(String(cString: name))
                return 0
            }, Unmanaged.passUnretained(names).toOpaque())
        }
        try HDF5Call.check(status, .listing, path: filePath, "cannot list the members of \(displayName)")
        return names.names.map { HDF5Link(name: $0, kind: kind(of: $0, in: id)) }
    }

    /// Every group and dataset below this container, depth first, as absolute paths.
    public func descendants() throws -> [HDF5Link] {
        var result: [HDF5Link] = []
        for child in try children() {
            let path = HDF5Call.join(objectPath, child.name)
            result.append(HDF5Link(name: path, kind: child.kind))
            if child.kind == .group {
                result += try openGroup(child.name).descendants()
            }
        }
        return result
    }

    /// Creates an appendable 2-D float64 time-series table; see ``TimeSeriesWriter``.
    public func createTimeSeries(
        _ name: String, columns: [String], units: [String], options: HDF5StorageOptions = HDF5StorageOptions()
    ) throws -> TimeSeriesWriter {
        try TimeSeriesWriter(parent: self, name: name, columns: columns, units: units, options: options)
    }

    /// Creates an appendable 1-D dataset of `Int64`, `Double` or `String`; see ``VectorWriter``.
    public func createVector<Element: HDF5VectorElement>(
        _ name: String, of type: Element.Type, options: HDF5StorageOptions = HDF5StorageOptions()
    ) throws -> VectorWriter<Element> {
        try VectorWriter(parent: self, name: name, options: options)
    }

    /// Reads a whole 2-D float64 dataset with its column names and units.
    public func readTable(_ name: String) throws -> HDF5Table {
        try openDataset(name).readTable()
    }

    private func requireLink(_ name: String, path: String, what: String) throws {
        // H5Lexists only checks the last component, and fails on a missing parent: handle both.
        var prefix = ""
        for component in name.split(separator: "/") {
            prefix = prefix.isEmpty ? String(component) : "\(prefix)/\(component)"
            let exists = H5Lexists(try validID(), prefix, chdf5_p_default())
            if exists < 0 { _ = HDF5Call.takeErrorStack() }
            if exists <= 0 {
                throw HDF5Error(
                    code: .notFound, message: "no \(what) '\(path)' in HDF5 file '\(filePath)'", path: filePath)
            }
        }
    }

    private func kind(of name: String, in id: hid_t) -> HDF5ObjectKind {
        var info = H5O_info_t()
        guard H5Oget_info_by_name2(id, name, &info, UInt32(H5O_INFO_BASIC), chdf5_p_default()) >= 0 else {
            _ = HDF5Call.takeErrorStack()  // dangling soft link or external file: report, don't fail
            return .other
        }
        switch info.type {
        case H5O_TYPE_GROUP: return .group
        case H5O_TYPE_DATASET: return .dataset
        default: return .other
        }
    }
}

/// Accumulates link names for the `H5Literate` callback, which cannot capture context.
private final class NameCollector {
    var names: [String] = []
}
