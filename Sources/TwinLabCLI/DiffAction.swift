import Recording
import Reports

/// What `twinlab diff` does: compare two runs and report.
public struct DiffAction: Sendable {
    public var first: String
    public var second: String
    public var absolute: Double
    public var relative: Double

    public init(first: String, second: String, absolute: Double = 0, relative: Double = 0) {
        self.first = first
        self.second = second
        self.absolute = absolute
        self.relative = relative
    }

    /// `.success` when the runs agree, `.differences` when not, `.unusableRun` when a file is
    /// not a TwinLab run or fails its integrity check, `.ioError` when a file cannot be read.
    public func execute(out: (String) -> Void, err: (String) -> Void) -> ExitStatus {
        do {
            let diff = try RunDiff.compare(first, second, tolerance: .init(absolute: absolute, relative: relative))
            out(diff.report())
            return diff.isEqual ? .success : .differences
        } catch {
            err("error: \(error)")
            return .readingRun(error)
        }
    }
}

/// What `twinlab export csv` does.
public struct ExportCSVAction: Sendable {
    public var runPath: String
    public var directory: String

    public init(runPath: String, directory: String) {
        self.runPath = runPath
        self.directory = directory
    }

    /// `.success` with the files written, `.unusableRun` when the file is not a TwinLab run or
    /// fails its integrity check (nothing is written then), `.ioError` otherwise.
    public func execute(out: (String) -> Void, err: (String) -> Void) -> ExitStatus {
        do {
            for path in try CSVExporter.export(runPath: runPath, to: directory) { out("wrote \(path)") }
            return .success
        } catch {
            err("error: \(error)")
            return .readingRun(error)
        }
    }
}
