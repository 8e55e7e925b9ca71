import Foundation

/// A system program (mount, h5clear...) run to its end for its exit status.
public enum SystemCommand {
    @discardableResult
    public static func run(_ path: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
