import Foundation

/// A system program (mount, h5clear, sbatch...) run to its end.
public enum SystemCommand {
    /// How a finished program ended and what it printed.
    public struct Output: Sendable {
        public var status: Int32
        public var out: String
        public var err: String
    }

    @discardableResult
    public static func run(_ path: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Runs `path arguments...` with `environment` added to this process's and returns what it printed.
    ///
    /// The output goes through temporary files, not pipes: a program that starts daemons (slurm-up.sh)
    /// may leave them holding its standard output, and reading a pipe to its end would then never return.
    public static func output(_ path: String, _ arguments: [String], environment: [String: String] = [:],
                              in directory: URL? = nil) throws -> Output {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("twinlab-cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out"), errURL = folder.appendingPathComponent("err")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      out: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      err: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
