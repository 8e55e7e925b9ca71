/// Where a scenario's calibration sets are looked for, for tools that move scenarios between
/// folders (the optimizer's `--write-scenario` re-anchors the path when it writes elsewhere).
public enum CalibrationFolder {
    /// The folder a scenario without `calibration_dir` reads: `<scenario dir>/../calibration`.
    public static func `default`(forScenarioAt file: String) -> String {
        CalibrationLibrary.defaultFolder(forScenarioAt: file)
    }
}
