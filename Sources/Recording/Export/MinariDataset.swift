import Foundation

/// An offline-RL dataset in Minari 0.5's on-disk layout, loadable with `minari.load_dataset(id)`.
///
/// Layout (verified against minari 0.5.4, docs/datasets.md):
/// `<root>/<namespace…>/<name>-vN/data/{metadata.json, main_data.hdf5}` plus a
/// `namespace_metadata.json` (`{}`) in every namespace folder. `main_data.hdf5` holds one group
/// `episode_<i>` per episode with attrs `id`, `total_steps` and datasets `observations`
/// (float32, steps + 1 rows), `actions` (int64 for Discrete, float32 for Box), `rewards`
/// (float64), `terminations`/`truncations` (HDF5 enum over int8 {FALSE, TRUE}, read as bool)
/// and `infos/<name>` (steps + 1 rows). Contiguous datasets, no timestamps: the same episodes
/// give byte-identical files.
public struct MinariDataset: Sendable {
    /// The Minari version written as `minari_version`; every 0.5.x loader accepts it.
    public static let formatVersion = "0.5.0"

    /// `(namespace/)name-vN`, e.g. `twinlab/fleet-heavy-load/machine-lives-v0`.
    public var id: String
    public var observationSpace: MinariSpace
    public var actionSpace: MinariSpace
    /// Free text stored as `description`: where the data came from and how it was built.
    public var description: String
    public var episodes: [MinariEpisode]

    public init(id: String, observationSpace: MinariSpace, actionSpace: MinariSpace, description: String,
                episodes: [MinariEpisode]) {
        self.id = id
        self.observationSpace = observationSpace
        self.actionSpace = actionSpace
        self.description = description
        self.episodes = episodes
    }

    /// Total steps over all episodes.
    public var totalSteps: Int { episodes.reduce(0) { $0 + $1.steps } }

    /// Checks an id against Minari's `DATASET_ID_RE`: `(namespace/)name-vN`, word characters,
    /// `-` and `_`, with the version required here so the folder name is unambiguous.
    public static func validate(id: String) throws {
        let pattern = #"^(?:[-_\w][-_\w/]*[-_\w]+/)?[-_\w]+?-v\d+$"#
        guard id.range(of: pattern, options: .regularExpression) != nil, !id.contains("//") else {
            throw DatasetExportError(
                .invalidName, "dataset id '\(id)' is not of the form (namespace/)name-vN, e.g. twinlab/fleet/machine-lives-v0 "
                    + "(letters, digits, '-', '_'; namespaces separated by '/')")
        }
    }

    /// Writes the dataset under `root`; returns its folder (`<root>/<id>`).
    ///
    /// - Throws: ``DatasetExportError`` `.outputExists` when the folder exists and `force` is
    ///   false, `.outputNotWritable` when it cannot be written, `.invalidName` for a bad id.
    @discardableResult
    public func write(root: String, force: Bool = false) throws -> String {
        try Self.validate(id: id)
        let fm = FileManager.default
        let folder = (root as NSString).appendingPathComponent(id)
        if fm.fileExists(atPath: folder) {
            guard force else {
                throw DatasetExportError(
                    .outputExists, "dataset folder '\(folder)' already exists; pass --force to replace it")
            }
            do { try fm.removeItem(atPath: folder) } catch {
                throw DatasetExportError(.outputNotWritable, "cannot remove the existing dataset '\(folder)': \(error.localizedDescription)")
            }
        }
        let data = (folder as NSString).appendingPathComponent("data")
        do {
            try fm.createDirectory(atPath: data, withIntermediateDirectories: true)
            // Minari lists a folder as a namespace when it holds namespace_metadata.json.
            var namespace = root
            for part in id.split(separator: "/").dropLast() {
                namespace = (namespace as NSString).appendingPathComponent(String(part))
                let file = (namespace as NSString).appendingPathComponent("namespace_metadata.json")
                if !fm.fileExists(atPath: file) { try "{}".write(toFile: file, atomically: true, encoding: .utf8) }
            }
        } catch {
            throw DatasetExportError(.outputNotWritable, "cannot create the dataset folder '\(data)': \(error.localizedDescription)")
        }
        let hdf5 = (data as NSString).appendingPathComponent("main_data.hdf5")
        do {
            try writeEpisodes(to: hdf5)
        } catch let error as HDF5Error {
            throw DatasetExportError(.outputNotWritable, "cannot write '\(hdf5)': \(error)")
        }
        let bytes = ((try? fm.attributesOfItem(atPath: hdf5))?[.size] as? Int) ?? 0
        let metadata = (data as NSString).appendingPathComponent("metadata.json")
        do {
            try metadataJSON(fileBytes: bytes).write(toFile: metadata, atomically: true, encoding: .utf8)
        } catch {
            throw DatasetExportError(.outputNotWritable, "cannot write '\(metadata)': \(error.localizedDescription)")
        }
        return folder
    }

    /// `metadata.json`: the keys Minari 0.5.4 writes that apply to a dataset without an environment.
    func metadataJSON(fileBytes: Int) -> String {
        let megabytes = (Double(fileBytes) / 1e5).rounded() / 10
        let fields: [(String, String)] = [
            ("action_space", JSONText.quoted(actionSpace.json)),
            ("data_format", JSONText.quoted("hdf5")),
            ("dataset_id", JSONText.quoted(id)),
            ("dataset_size", megabytes.description),
            ("description", JSONText.quoted(description)),
            ("jpeg_encoding", "false"),
            ("minari_version", JSONText.quoted(Self.formatVersion)),
            ("observation_space", JSONText.quoted(observationSpace.json)),
            ("total_episodes", String(episodes.count)),
            ("total_steps", String(totalSteps)),
        ]
        return "{" + fields.map { "\(JSONText.quoted($0.0)): \($0.1)" }.joined(separator: ", ") + "}\n"
    }

    private func writeEpisodes(to path: String) throws {
        let file = try HDF5File.create(at: path)
        let obsWidth = observationSpace.width, actWidth = actionSpace.width
        for (index, episode) in episodes.enumerated() {
            let steps = episode.steps
            let group = try file.createGroup("episode_\(index)")
            try group.setAttribute("id", index)
            try group.setAttribute("total_steps", steps)
            try group.writeFloat32Array("observations", shape: [steps + 1, obsWidth], values: episode.observations)
            switch actionSpace {
            case .discrete:
                try group.writeInt64Array("actions", shape: [steps], values: episode.actions.map { Int64($0) })
            case .box:
                try group.writeFloat32Array("actions", shape: [steps, actWidth], values: episode.actions)
            }
            try group.writeFloat64Array("rewards", shape: [steps], values: episode.rewards)
            try group.writeBoolArray("terminations", values: episode.terminations)
            try group.writeBoolArray("truncations", values: episode.truncations)
            if !episode.infos.isEmpty {
                let infos = try group.createGroup("infos")
                for info in episode.infos {
                    if info.isInteger {
                        try infos.writeInt64Array(info.name, shape: [info.values.count], values: info.values.map { Int64($0) })
                    } else {
                        try infos.writeFloat64Array(info.name, shape: [info.values.count], values: info.values)
                    }
                }
            }
        }
        try file.close()
    }
}
