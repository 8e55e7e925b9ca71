/// One calibration file a scenario resolved names from (`cultivars.yaml`, `fixtures.yaml`),
/// kept whole with its SHA-256 so a run file can carry exactly what its run used.
///
/// Only the sets a scenario actually looked a name up in are kept: a scenario that names no
/// fixture never reads `fixtures.yaml`. `hvac-units.yaml` and `machines.yaml` are reference
/// listings whose numbers are compiled into the models (pinned by the TwinLab version), so no
/// scenario reads them.
public struct CalibrationSet: Sendable, Equatable {
    /// The file name in the calibration folder, e.g. `cultivars.yaml`.
    public var file: String
    /// Where the set was read from when the scenario was loaded (absolute); provenance only.
    public var sourcePath: String
    /// The file's text exactly as read.
    public var text: String
    /// SHA-256 of `text`'s UTF-8 bytes, 64 hex digits (what `sha256sum` prints for the file).
    public var sha256: String

    public init(file: String, sourcePath: String, text: String) {
        self.file = file
        self.sourcePath = sourcePath
        self.text = text
        sha256 = SHA256Hash.hex(text)
    }

    /// The file name without `.yaml`, e.g. `cultivars`: the set's name in a run file.
    public var name: String {
        file.hasSuffix(".yaml") ? String(file.dropLast(".yaml".count)) : file
    }
}
