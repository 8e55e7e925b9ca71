import Recording

/// The TwinLab release, stored with every run so results can be traced to the code.
public enum TwinLabVersion {
    public static let current = "0.1.0"
    /// Layout version of run files; bumped whenever the HDF5 layout changes (docs/run-file-format.md).
    public static let runFileSchema = RunFileReader.schema
}
