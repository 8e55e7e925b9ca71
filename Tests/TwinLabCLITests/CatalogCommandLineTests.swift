import Foundation
import Testing
import TestSupport
import TwinLabCLI

/// `catalog list` / `show` never write a catalog, and `run` refuses a bad catalog before it
/// simulates, through the real executable on real SQLite files.
extension CommandLineTests {
    /// A short machine-shop run into `catalog` (relative to `dir`).
    func shopRun(in dir: URL, catalog: String = "results/catalog.sqlite", seed: Int = 1) throws -> Result {
        let scenario = Self.repository.appendingPathComponent("scenarios/machine-shop.yaml").path
        return try twinlab(["run", scenario, "--until", "50", "--seed", String(seed), "--quiet", "--catalog", catalog], in: dir)
    }

    func bytes(_ path: URL) throws -> Data { try Data(contentsOf: path) }

    /// Runs the Python `script` with `arguments` in `dir`, returning its standard output.
    func python(_ script: String, _ arguments: [String], in dir: URL) throws -> String {
        let file = dir.appendingPathComponent("check-\(UUID().uuidString).py")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let result = try PythonInterpreter.run([file.path] + arguments, in: dir)
        try #require(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    /// The run ids in the catalog of `dir`, newest first.
    func catalogRunIDs(in dir: URL) throws -> [String] {
        let list = try twinlab(["catalog", "list", "--json"], in: dir)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as? [[String: Any]])
        return rows.compactMap { $0["run_id"] as? String }
    }

    /// The `.h5` and `.partial` files in `dir/results`.
    func runOutputs(in dir: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("results").path)) ?? []
        return names.filter { $0.hasSuffix(".h5") || $0.hasSuffix(".partial") }
    }

    @Test("catalog list and show leave the catalog byte-identical; empty and garbage files are refused unchanged")
    func catalogReadersNeverWrite() throws {
        let dir = try workspace()
        #expect(try shopRun(in: dir).status == 0)
        #expect(try shopRun(in: dir, seed: 2).status == 0)
        let catalog = dir.appendingPathComponent("results/catalog.sqlite")
        let before = try bytes(catalog)
        let list = try twinlab(["catalog", "list"], in: dir)
        #expect(list.status == 0, "\(list.err)")
        let id = try #require(try catalogRunIDs(in: dir).first)
        let show = try twinlab(["catalog", "show", String(id.prefix(8))], in: dir)
        #expect(show.status == 0 && show.out.contains("output digest"), "\(show.err)")
        #expect(try bytes(catalog) == before)

        _ = FileManager.default.createFile(atPath: dir.appendingPathComponent("empty.sqlite").path, contents: nil)
        let empty = try twinlab(["catalog", "list", "--catalog", "empty.sqlite"], in: dir)
        #expect(empty.status == ExitStatus.ioError.rawValue && empty.err.contains("is empty (0 bytes)"), "\(empty.err)")
        #expect(try bytes(dir.appendingPathComponent("empty.sqlite")).isEmpty)

        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })
        try garbage.write(to: dir.appendingPathComponent("garbage.sqlite"))
        for command in [["catalog", "list"], ["catalog", "show", "x"]] {
            let result = try twinlab(command + ["--catalog", "garbage.sqlite"], in: dir)
            #expect(result.status == ExitStatus.ioError.rawValue, "\(result.err)")
            #expect(result.err.contains("is not a SQLite database"), "\(result.err)")
        }
        #expect(try bytes(dir.appendingPathComponent("garbage.sqlite")) == garbage)
        let missing = try twinlab(["catalog", "list", "--catalog", "none.sqlite"], in: dir)
        #expect(missing.status == ExitStatus.ioError.rawValue && missing.err.contains("no catalog at 'none.sqlite'"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("none.sqlite").path))
    }

    @Test("run into a damaged, garbage or foreign catalog exits 4 before simulating and leaves it unchanged")
    func runRefusesBadCatalogs() throws {
        let dir = try workspace()
        #expect(try shopRun(in: dir, catalog: "good.sqlite").status == 0)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("results"))
        let good = try bytes(dir.appendingPathComponent("good.sqlite"))
        try good.prefix(good.count / 2).write(to: dir.appendingPathComponent("truncated.sqlite"))
        try Data(repeating: 0x5A, count: 8192).write(to: dir.appendingPathComponent("garbage.sqlite"))
        _ = try python("""
            import sqlite3
            db = sqlite3.connect("foreign.sqlite")
            db.execute("CREATE TABLE notes (text)")
            db.execute("INSERT INTO notes VALUES ('not a run catalog')")
            db.commit()
            """, [], in: dir)
        let expected = ["truncated.sqlite": "is damaged", "garbage.sqlite": "is not a SQLite database",
                        "foreign.sqlite": "not a TwinLab run catalog"]
        for (name, message) in expected.sorted(by: { $0.key < $1.key }) {
            let file = dir.appendingPathComponent(name)
            let before = try bytes(file)
            let run = try shopRun(in: dir, catalog: name)
            #expect(run.status == ExitStatus.ioError.rawValue, "\(name): \(run.err)")
            #expect(run.err.contains(message), "\(name): \(run.err)")
            #expect(try bytes(file) == before, "\(name) was changed")
            #expect(runOutputs(in: dir).isEmpty, "\(name): a run file was written: \(runOutputs(in: dir))")
        }
    }

    /// Runs `twinlab` as the unprivileged user `nobody` when the tests run as root, for whom
    /// file permissions do not stop writes; the binary is copied to `dir` so `nobody` can reach it.
    func twinlabWithoutPrivileges(_ arguments: [String], in dir: URL) throws -> Result {
        guard geteuid() == 0 else { return try twinlab(arguments, in: dir) }
        let copy = dir.appendingPathComponent("twinlab-binary")
        if !FileManager.default.fileExists(atPath: copy.path) {
            try FileManager.default.copyItem(at: try Self.binary(), to: copy)
        }
        let setpriv = try #require(["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                   "setpriv (util-linux) is needed to drop root for this test")
        let result = try TwinLabProcess.run(arguments, in: dir,
                                            launcher: [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"],
                                            binary: copy)
        return Result(status: result.status, out: result.out, err: result.err)
    }

    @Test("a read-only catalog is listed, even in a read-only folder; run into it exits 4 'not writable', unchanged")
    func readOnlyCatalog() throws {
        let dir = try workspace()
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        #expect(try shopRun(in: dir, catalog: "shared/catalog.sqlite").status == 0)
        let shared = dir.appendingPathComponent("shared"), catalog = shared.appendingPathComponent("catalog.sqlite")
        let scenario = dir.appendingPathComponent("shop.yaml")
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("scenarios/machine-shop.yaml"), to: scenario)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("results"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("results"), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o777])
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: shared.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: catalog.path)
        let before = try bytes(catalog)

        let run = try twinlabWithoutPrivileges(
            ["run", "shop.yaml", "--until", "50", "--quiet", "--catalog", "shared/catalog.sqlite"], in: dir)
        #expect(run.status == ExitStatus.ioError.rawValue, "\(run.err)")
        #expect(run.err.contains("is not writable"), "\(run.err)")
        #expect(runOutputs(in: dir).isEmpty, "\(runOutputs(in: dir))")
        let list = try twinlabWithoutPrivileges(["catalog", "list", "--catalog", "shared/catalog.sqlite"], in: dir)
        #expect(list.status == 0, "\(list.err)")
        #expect(list.out.contains("machine-shop"))

        // A folder the reader cannot write either: SQLite cannot make its -shm file there.
        for name in ["catalog.sqlite-wal", "catalog.sqlite-shm"] {
            try? FileManager.default.removeItem(at: shared.appendingPathComponent(name))
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: shared.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: shared.path) }
        let locked = try twinlabWithoutPrivileges(["catalog", "list", "--catalog", "shared/catalog.sqlite"], in: dir)
        #expect(locked.status == 0, "\(locked.err)")
        #expect(locked.out.contains("machine-shop"))
        #expect(try bytes(catalog) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: shared.path) == ["catalog.sqlite"])
    }
}
