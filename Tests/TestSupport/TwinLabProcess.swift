import Foundation

/// The built `twinlab` executable run as a real subprocess.
public struct TwinLabProcess {
    /// How a finished subprocess ended and what it printed.
    public struct Result: Sendable {
        /// The exit code, or the signal number when `signalled`.
        public var status: Int32
        /// Whether a signal ended the process (SIGKILL, SIGSEGV, SIGILL...).
        public var signalled: Bool
        public var out: String
        public var err: String
    }

    /// The repository's root folder.
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The built `twinlab` next to the test bundle (swift build builds every product), else
    /// the repository's release or debug build.
    public static func binary() throws -> URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("twinlab")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        for config in ["release", "debug"] {
            let candidate = repository.appendingPathComponent(".build/\(config)/twinlab")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw CocoaError(.fileNoSuchFile)
    }

    private let process = Process()
    private let out = Pipe()
    private let err = Pipe()

    /// Starts `twinlab arguments...` in `directory` with `environment` added to this process's.
    public init(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws {
        process.executableURL = try Self.binary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = out
        process.standardError = err
        try process.run()
    }

    /// Waits for the process to end.
    public func wait() -> Result {
        // Read before waiting: a child blocked on a full pipe would never exit.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                      out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData, as: UTF8.self))
    }

    /// Runs `twinlab arguments...` to the end.
    public static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws
        -> Result {
        try TwinLabProcess(arguments, in: directory, environment: environment).wait()
    }
}
