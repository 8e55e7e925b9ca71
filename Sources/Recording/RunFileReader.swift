/// Reads a TwinLab run file (`twinlab/run@1`): its identity, time series and KPIs.
///
/// One place knows the layout of docs/run-file-format.md on the reading side, so `diff`,
/// exports and reports agree on it.
public struct RunFileReader {
    /// The root attribute `schema` of run files this TwinLab writes and reads.
    public static let schema = "twinlab/run@1"

    public let path: String
    let file: HDF5File

    /// Opens `path` read-only without checking it; fails with `HDF5Error` on a missing or
    /// corrupt file. Readers that trust what they read use ``init(verifying:allowIncomplete:)``.
    public init(path: String) throws {
        self.path = path
        self.file = try HDF5File.open(at: path)
    }

    /// Opens `path` after ``RunFileVerifier`` found it an intact run file.
    ///
    /// - Parameter allowIncomplete: accept a run that never finished (a killed run's partial
    ///   file): its datasets are still checksum-checked, but it has no digest to compare.
    /// - Throws: ``RunFileIntegrityError``.
    public init(verifying path: String, allowIncomplete: Bool = false) throws {
        try RunFileVerifier.requireIntact(path: path, allowIncomplete: allowIncomplete)
        do {
            try self.init(path: path)
        } catch let error as HDF5Error {
            throw RunFileIntegrityError(.unreadable, error.message, path: path, cause: error.cause)
        }
    }

    /// A root attribute as text (empty when absent).
    public func attribute(_ name: String) -> String {
        (try? file.stringAttribute(name)) ?? ""
    }

    /// What the run holds: the `run_kind` attribute, or for files written before it existed
    /// the layout's verdict (nil when neither tells, or `run_kind` names an unknown kind).
    public var kind: RunKind? {
        let stated = attribute("run_kind")
        if !stated.isEmpty { return RunKind(rawValue: stated) }
        return RunKind.inferred(contains: contains)
    }

    /// Paths of every table (a 2-D dataset with a `columns` attribute), without the leading
    /// slash: the time series first (`timeseries/…`, the signals people compare), then events
    /// and the result tables (`alerts/…`, `labels/…`, `decisions/…`), each in name order.
    public func tablePaths() throws -> [String] {
        var paths: [String] = []
        for link in try file.descendants() where link.kind == .dataset {
            let dataset = try file.openDataset(link.name)
            if try dataset.hasAttribute("columns"), try dataset.shape().count == 2 {
                paths.append(link.name.hasPrefix("/") ? String(link.name.dropFirst()) : link.name)
            }
        }
        paths.sort()
        return paths.filter { $0.hasPrefix("timeseries/") } + paths.filter { !$0.hasPrefix("timeseries/") }
    }

    /// One table (see `tablePaths()`) with its column names and units.
    public func table(_ path: String) throws -> HDF5Table {
        try file.readTable(path)
    }

    /// The short name of a table path, usable in a file name: `timeseries/machine_shop` →
    /// `machine_shop`, `timeseries/rooms/flower-1` → `rooms-flower-1`, `alerts/rooms` →
    /// `alerts-rooms`.
    public static func displayName(of path: String) -> String {
        let trimmed = path.hasPrefix("timeseries/") ? String(path.dropFirst("timeseries/".count)) : path
        return trimmed.replacingOccurrences(of: "/", with: "-")
    }

    /// KPIs stored as attributes of `/kpis`, sorted by name (the `units` list excluded).
    public func kpis() throws -> [(name: String, value: Double)] {
        guard try file.contains("kpis") else { return [] }
        let group = try file.openGroup("kpis")
        return try group.attributeNames().filter { $0 != "units" }.map { ($0, try group.doubleAttribute($0)) }
    }

    /// The unit of each KPI, from the `/kpis` `units` list (`name=unit`); empty when absent.
    public func kpiUnits() throws -> [String: String] {
        guard try file.contains("kpis") else { return [:] }
        let group = try file.openGroup("kpis")
        guard try group.hasAttribute("units") else { return [:] }
        var units: [String: String] = [:]
        for entry in try group.stringArrayAttribute("units") {
            guard let equals = entry.firstIndex(of: "=") else { continue }
            units[String(entry[..<equals])] = String(entry[entry.index(after: equals)...])
        }
        return units
    }
}

extension RunFileReader {
    /// Whether an object (group or dataset) exists at a path such as `decisions/audit`.
    public func contains(_ path: String) -> Bool {
        var group: HDF5Container = file
        let parts = path.split(separator: "/").map(String.init)
        for (index, part) in parts.enumerated() {
            guard (try? group.contains(part)) == true else { return false }
            if index < parts.count - 1 {
                guard let next = try? group.openGroup(part) else { return false }
                group = next
            }
        }
        return true
    }

    /// The names of the datasets directly inside a group, sorted (empty when the group is missing).
    public func datasetNames(in groupPath: String) throws -> [String] {
        guard contains(groupPath) else { return [] }
        return try file.openGroup(groupPath).children().filter { $0.kind == .dataset }.map(\.name)
    }

    /// An attribute of the dataset or group at `path`.
    public func attribute(_ name: String, of path: String) throws -> HDF5AttributeValue {
        let object: HDF5Object = try (try? file.openDataset(path)) ?? file.openGroup(path)
        return try object.attribute(name)
    }
}
