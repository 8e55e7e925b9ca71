import Foundation

/// A fresh temporary directory for one test, removed when the value is dropped.
final class CatalogDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("twinlab-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The path of the catalog file inside the directory.
    var catalogPath: String { url.appendingPathComponent("catalog.sqlite").path }
}

/// Errors collected from several threads.
final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []

    func append(_ error: any Error) {
        lock.lock()
        items.append("\(error)")
        lock.unlock()
    }

    var errors: [String] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
