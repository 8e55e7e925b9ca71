import Foundation

/// Standard-error output.
///
/// Written with write(2), which reports a failed write by its return value: `FileHandle.write`
/// traps instead, so a full disk under a redirected stderr (`2>log`) turned a clean exit 4
/// into SIGILL. A message that cannot be written is dropped; the exit code still tells.
enum Terminal {
    static func error(_ text: String) {
        errorInline(text + "\n")
    }

    static func errorInline(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Whether standard error is a terminal (a progress bar would be read, not logged).
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
}
