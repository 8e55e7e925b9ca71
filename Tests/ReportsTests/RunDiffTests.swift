import Foundation
import Testing
import Recording
import Reports

/// `RunDiff` on real HDF5 run files written with the run-file layout.
@Suite("Run diff", .serialized)
struct RunDiffTests {
    /// Writes a run file with one table and two KPIs; `tweak` edits the values first.
    func writeRun(_ name: String, rows: Int = 10, extraColumn: Bool = false,
                  tweak: (inout [[Double]], inout Double) -> Void = { _, _ in }) throws -> String {
        let path = NSTemporaryDirectory() + "twinlab-diff-\(UUID().uuidString)-\(name).h5"
        try write(path, name: name, rows: rows, extraColumn: extraColumn, tweak: tweak)
        return path
    }

    /// Every HDF5 object is released inside this call, so the file is really closed after it.
    private func write(_ path: String, name: String, rows: Int, extraColumn: Bool,
                       tweak: (inout [[Double]], inout Double) -> Void) throws {
        let file = try HDF5File.create(at: path)
        try file.setAttribute("fingerprint", name)
        var columns = ["time", "level"]
        if extraColumn { columns.append("extra") }
        var table = (0..<rows).map { i in [Double(i), Double(i) * 0.5] + (extraColumn ? [1] : []) }
        var availability = 0.94
        tweak(&table, &availability)
        // A nested table, as facility runs record per room: diff must find it too.
        let writer = try file.createGroup("timeseries").createGroup("rooms").createTimeSeries(
            "shop", columns: columns, units: columns.map { _ in "1" })
        for row in table { try writer.append(row) }
        try writer.close()
        let kpis = try file.createGroup("kpis")
        try kpis.setAttribute("availability", availability)
        try kpis.setAttribute("failures", 12.0)
        try Self.seal(file)
    }

    /// Marks a file as a finished run, as the run pipeline does last: schema, status, digest.
    static func seal(_ file: HDF5File) throws {
        try file.setAttribute("schema", RunFileReader.schema)
        try file.setAttribute("status", "complete")
        try OutputDigest.seal(file)
    }

    @Test func identicalRunsAgree() throws {
        let diff = try RunDiff.compare(try writeRun("a"), try writeRun("b"))
        #expect(diff.isEqual)
        #expect(diff.report().hasPrefix("runs agree"))
    }

    @Test func valueDifferencesAreCountedAndLocated() throws {
        let a = try writeRun("a")
        let b = try writeRun("b") { table, availability in
            table[3][1] += 0.001
            table[7][1] += 0.5
            availability = 0.95
        }
        let diff = try RunDiff.compare(a, b)
        #expect(!diff.isEqual)
        let level = try #require(diff.differences.first { $0.signal == "rooms-shop.level" })
        #expect(level.count == 2)
        #expect(level.firstRow == 3)
        #expect(abs(level.maxAbsoluteDifference - 0.5) < 1e-12)
        #expect(diff.differences.contains { $0.signal == "kpis.availability" })
        // Within tolerance the small change disappears, the large one stays.
        let tolerant = try RunDiff.compare(a, b, tolerance: .init(absolute: 0.01))
        #expect(tolerant.differences.first { $0.signal == "rooms-shop.level" }?.count == 1)
        #expect(try RunDiff.compare(a, b, tolerance: .init(absolute: 1)).isEqual)
    }

    @Test func structuralDifferencesAreReported() throws {
        let diff = try RunDiff.compare(try writeRun("a"), try writeRun("b", rows: 8, extraColumn: true))
        #expect(diff.structural.contains("table 'rooms-shop' has 10 rows in the first run, 8 in the second"))
        #expect(diff.structural.contains("column 'rooms-shop.extra' only in the second run"))
    }

    @Test func missingFileIsAnUnreadableRunFile() {
        let error = #expect(throws: RunFileIntegrityError.self) {
            try RunDiff.compare("/nonexistent/a.h5", "/nonexistent/b.h5")
        }
        #expect(error?.code == .unreadable)
    }

    @Test("equal infinities agree (an unlimited CO2 tank); an infinity and a number do not")
    func infinities() throws {
        let a = try writeRun("a") { table, _ in table[2][1] = .infinity; table[4][1] = -.infinity }
        let b = try writeRun("b") { table, _ in table[2][1] = .infinity; table[4][1] = -.infinity }
        #expect(try RunDiff.compare(a, b).isEqual)
        let c = try writeRun("c") { table, _ in table[2][1] = .infinity; table[4][1] = 1e300 }
        let diff = try RunDiff.compare(a, c, tolerance: .init(relative: 0.5))
        #expect(diff.differences.map(\.signal) == ["rooms-shop.level"])
        #expect(diff.differences.first?.firstRow == 4)
    }

    @Test("provenance read from the files is reported without deciding the verdict")
    func provenance() throws {
        func stamp(_ path: String, hash: String, seed: UInt64, cultivars: String?) throws {
            let file = try HDF5File.open(at: path, mode: .readWrite)
            try RunProvenance(
                twinlabVersion: "0.1.0", scenarioID: "room", scenarioText: "x", scenarioHash: hash, seed: seed,
                horizonHours: 24, kind: .facility,
                calibration: cultivars.map { [RunProvenance.CalibrationEntry(name: "cultivars", file: "cultivars.yaml",
                                                                              sourcePath: "/c/cultivars.yaml",
                                                                              sha256: $0, text: "t")] } ?? []
            ).write(to: file)
            try Self.seal(file)
            try file.close()
        }
        let a = try writeRun("a"), b = try writeRun("b"), c = try writeRun("c")
        try stamp(a, hash: "1111", seed: 1, cultivars: String(repeating: "a", count: 64))
        try stamp(b, hash: "2222", seed: 1, cultivars: String(repeating: "b", count: 64))
        try stamp(c, hash: "1111", seed: 1, cultivars: String(repeating: "a", count: 64))
        let diff = try RunDiff.compare(a, b)
        #expect(diff.isEqual)
        #expect(diff.provenance == ["scenario hash 1111 vs 2222",
                                    "calibration set 'cultivars' sha256 aaaaaaaaaaaaaaaa vs bbbbbbbbbbbbbbbb"])
        #expect(diff.report().contains("provenance: calibration set 'cultivars'"))
        #expect(try RunDiff.compare(a, c).provenance.isEmpty)
        #expect(try RunDiff.compare(a, try writeRun("plain")).provenance.contains("calibration stored only in the first run"))
    }
}
