import Foundation
import Testing
import TestSupport
import Catalog

/// Reads run files and catalogs the way a user's tools would, to check what the write path promises.
enum RunFileProbe {
    /// What h5py, opening the file normally (not as a SWMR reader), finds in it.
    struct Contents: Equatable {
        var status: String
        var fingerprint: String
    }

    /// Opens `path` with h5py and reads every dataset to the end; nil when h5py cannot.
    static func read(_ path: String) throws -> Contents? {
        let output = try PythonInterpreter.script("""
            import sys, h5py
            try:
                with h5py.File(sys.argv[1], "r") as f:
                    f.visititems(lambda name, obj: obj[()] if isinstance(obj, h5py.Dataset) else None)
                    print(f.attrs.get("status", ""), f.attrs.get("fingerprint", ""))
            except Exception as error:
                print("unreadable", type(error).__name__, error)
            """, [path])
        let words = output.stdout.split(separator: " ").map(String.init)
        guard words.count == 2, words[0] != "unreadable" else { return nil }
        return Contents(status: words[0], fingerprint: words[1].trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Checks the catalog's promises: no row is left `running` once its writer is gone, and
    /// every `complete` row points at a file that h5py reads whole with the row's fingerprint.
    static func expectTruthfulRows(in catalogPath: String, relativeTo dir: URL,
                                   sourceLocation: SourceLocation = #_sourceLocation) throws -> [RunRecord] {
        let catalog = try RunCatalog(path: catalogPath)
        try catalog.reconcile()
        let rows = try catalog.list()
        for row in rows {
            #expect(row.status != .running, "row \(row.runID) still says running", sourceLocation: sourceLocation)
            guard row.status == .complete else { continue }
            let path = try #require(row.outputPath, sourceLocation: sourceLocation)
            let contents = try read(dir.appendingPathComponent(path).path)
            #expect(contents == Contents(status: "complete", fingerprint: row.fingerprint ?? ""),
                    "complete row \(row.runID) points at '\(path)', which holds \(String(describing: contents))",
                    sourceLocation: sourceLocation)
        }
        return rows
    }
}
