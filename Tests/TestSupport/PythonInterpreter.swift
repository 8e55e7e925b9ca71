import Foundation

/// The Python interpreter the interoperability checks run: `$TWINLAB_PYTHON`, or the
/// project's `.venv/bin/python` that scripts/setup.sh makes.
///
/// Never a bare `python3` from PATH: on a stock Debian machine that is the externally managed
/// system interpreter, without h5py, pandas or minari. A missing interpreter fails the test
/// that needs it with a message naming the set-up step, rather than skipping it.
public enum PythonInterpreter {
    /// The repository root, found from this file's place in Tests/TestSupport.
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The interpreter's path.
    public static var path: String {
        if let chosen = ProcessInfo.processInfo.environment["TWINLAB_PYTHON"], !chosen.isEmpty { return chosen }
        return repository.appendingPathComponent(".venv/bin/python").path
    }

    /// What a finished Python process printed and returned.
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// An error naming the interpreter that could not be started and how to get it.
    public struct Missing: Error, CustomStringConvertible {
        public var path: String
        public var description: String {
            "no Python interpreter at \(path): run scripts/setup.sh (it makes .venv) or set TWINLAB_PYTHON"
        }
    }

    /// Runs `python ARGUMENTS` to completion in `directory`, capturing its output.
    public static func run(_ arguments: [String], in directory: URL? = nil,
                           environment: [String: String] = [:]) throws -> Output {
        let executable = path
        guard FileManager.default.isExecutableFile(atPath: executable) else { throw Missing(path: executable) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Drain stderr on another thread so a chatty child cannot block on a full pipe.
        let errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    /// Runs a script given as text (`python -c SCRIPT ARGUMENTS`).
    public static func script(_ text: String, _ arguments: [String] = [], in directory: URL? = nil,
                              environment: [String: String] = [:]) throws -> Output {
        try run(["-c", text] + arguments, in: directory, environment: environment)
    }
}

/// Holds bytes read on another thread until the reader has joined.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
