import Foundation

/// Standard-error output.
enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func errorInline(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
