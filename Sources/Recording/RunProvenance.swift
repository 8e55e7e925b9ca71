/// What a run file says about how it was made: scenario text and hash, the calibration sets
/// the scenario resolved, seed, horizon, kind and TwinLab version.
///
/// One type writes and reads this part of the layout (docs/run-file-format.md), so the run
/// pipeline, exports and `diff` agree on it. The calibration sets live in
/// `/scenario/calibration/<name>` groups whose string attributes are `file`, `source_path`,
/// `sha256` and `text`, so the file alone is enough to rebuild the scenario it ran.
public struct RunProvenance: Sendable, Equatable {
    /// One stored calibration set.
    public struct CalibrationEntry: Sendable, Equatable {
        /// The set's name in the file, e.g. `cultivars`.
        public var name: String
        /// The file name it was read from, e.g. `cultivars.yaml`.
        public var file: String
        /// The absolute path it was read from when the run started (provenance only).
        public var sourcePath: String
        /// SHA-256 of `text`, hex, as written at run time.
        public var sha256: String
        /// The set's text exactly as read.
        public var text: String

        public init(name: String, file: String, sourcePath: String, sha256: String, text: String) {
            self.name = name
            self.file = file
            self.sourcePath = sourcePath
            self.sha256 = sha256
            self.text = text
        }
    }

    /// The group that holds one subgroup per calibration set.
    public static let calibrationGroup = "scenario/calibration"

    public var twinlabVersion: String
    public var scenarioID: String
    public var scenarioText: String
    /// SHA-256 of the scenario text and calibration (older files: a 16-digit run fingerprint of the text).
    public var scenarioHash: String
    public var seed: UInt64
    public var horizonHours: Double
    /// nil when neither `run_kind` nor the layout tells.
    public var kind: RunKind?
    /// Empty in files written before calibration was stored, and for scenarios that name none.
    public var calibration: [CalibrationEntry]
    /// Whether the file has the `/scenario/calibration` group (files from before it do not).
    public var storesCalibration: Bool
    /// The overrides that made `scenarioText` from the scenario file, `path=value` in order
    /// (`twinlab run --set`, an experiment's variant); empty for a file run as written.
    public var overrides: [String]

    public init(twinlabVersion: String, scenarioID: String, scenarioText: String, scenarioHash: String, seed: UInt64,
                horizonHours: Double, kind: RunKind, calibration: [CalibrationEntry], overrides: [String] = []) {
        self.twinlabVersion = twinlabVersion
        self.scenarioID = scenarioID
        self.scenarioText = scenarioText
        self.scenarioHash = scenarioHash
        self.seed = seed
        self.horizonHours = horizonHours
        self.kind = kind
        self.calibration = calibration
        self.overrides = overrides
        storesCalibration = true
    }

    /// Reads the provenance of an open run file; absent attributes read as empty or zero.
    public init(reader: RunFileReader) throws {
        twinlabVersion = reader.attribute("twinlab_version")
        scenarioID = reader.attribute("scenario_id")
        scenarioText = reader.attribute("scenario_text")
        scenarioHash = reader.attribute("scenario_hash")
        seed = UInt64(reader.attribute("seed")) ?? 0
        horizonHours = (try? reader.file.doubleAttribute("horizon_hours")) ?? .nan
        kind = reader.kind
        overrides = (try? reader.file.hasAttribute("overrides")) == true
            ? try reader.file.stringArrayAttribute("overrides") : []
        storesCalibration = reader.contains(Self.calibrationGroup)
        calibration = []
        guard storesCalibration else { return }
        let group = try reader.file.openGroup(Self.calibrationGroup)
        for child in try group.children() where child.kind == .group {
            let set = try group.openGroup(child.name)
            calibration.append(CalibrationEntry(
                name: child.name, file: try set.stringAttribute("file"), sourcePath: try set.stringAttribute("source_path"),
                sha256: try set.stringAttribute("sha256"), text: try set.stringAttribute("text")))
        }
    }

    /// Writes the root attributes (`twinlab_version`, `scenario_id`, `scenario_text`,
    /// `scenario_hash`, `seed`, `horizon_hours`, `run_kind`, and `overrides` when there are any)
    /// and the calibration groups. Call before the file switches to single-writer mode, which
    /// allows no new objects.
    public func write(to file: HDF5File) throws {
        try file.setAttribute("twinlab_version", twinlabVersion)
        try file.setAttribute("scenario_id", scenarioID)
        try file.setAttribute("scenario_text", scenarioText)
        try file.setAttribute("scenario_hash", scenarioHash)
        try file.setAttribute("seed", String(seed))
        try file.setAttribute("horizon_hours", horizonHours)
        if let kind { try file.setAttribute("run_kind", kind.rawValue) }
        // Only when there are any: a file run as written keeps exactly the layout it had.
        if !overrides.isEmpty { try file.setAttribute("overrides", overrides) }
        let group = try file.createGroup("scenario").createGroup("calibration")
        for entry in calibration {
            let set = try group.createGroup(entry.name)
            try set.setAttribute("file", entry.file)
            try set.setAttribute("source_path", entry.sourcePath)
            try set.setAttribute("sha256", entry.sha256)
            try set.setAttribute("text", entry.text)
        }
    }
}
