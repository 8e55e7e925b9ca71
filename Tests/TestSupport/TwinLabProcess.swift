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
    ///
    /// - Parameters:
    ///   - launcher: a command that runs twinlab for the test (`setpriv --reuid=nobody …`): it is
    ///     started with the executable's path and `arguments` after its own.
    ///   - binary: another copy of the executable to run (one an unprivileged user can reach).
    public init(_ arguments: [String], in directory: URL, environment: [String: String] = [:],
                launcher: [String] = [], binary: URL? = nil) throws {
        let twinlab = try binary ?? Self.binary()
        if let command = launcher.first {
            process.executableURL = URL(fileURLWithPath: command)
            process.arguments = Array(launcher.dropFirst()) + [twinlab.path] + arguments
        } else {
            process.executableURL = twinlab
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = out
        process.standardError = err
        try process.run()
    }

    /// Waits for the process to end; past `deadline` seconds it is terminated (SIGTERM), so a
    /// hanging command fails its test instead of hanging the suite.
    public func wait(deadline: Double? = nil) -> Result {
        let watchdog = DispatchWorkItem { [process] in if process.isRunning { process.terminate() } }
        if let deadline { DispatchQueue.global().asyncAfter(deadline: .now() + deadline, execute: watchdog) }
        defer { watchdog.cancel() }
        // Read before waiting: a child blocked on a full pipe would never exit.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                      out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData, as: UTF8.self))
    }

    /// Runs `twinlab arguments...` to the end.
    public static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:],
                           launcher: [String] = [], binary: URL? = nil, deadline: Double? = nil) throws -> Result {
        try TwinLabProcess(arguments, in: directory, environment: environment, launcher: launcher, binary: binary)
            .wait(deadline: deadline)
    }
}
