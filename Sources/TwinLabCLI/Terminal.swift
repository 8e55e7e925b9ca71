import Foundation

/// Standard-error output.
enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func errorInline(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether standard error is a terminal (a progress bar would be read, not logged).
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
}
