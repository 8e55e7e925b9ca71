import Foundation
import Testing
@testable import Recording

/// The C-MAPSS text files: row layout, unit numbering, RUL file, column list, refusals.
@Suite("C-MAPSS dataset writer")
struct CMAPSSDatasetTests {
    static func dataset(name: String = "FD-t") -> CMAPSSDataset {
        CMAPSSDataset(
            name: name, settings: [.init("load", "x rated", "setting")], sensors: [.init("power", "kW", "sensor")],
            cycleMeaning: "one hour",
            units: [
                .init(cycles: [[1, 2.5], [1, 3.25]], remainingCycles: nil, origin: "m-1 life 1"),
                .init(cycles: [[0.7, 1e-3]], remainingCycles: 42, origin: "m-2 life 1"),
                .init(cycles: [[1, 0], [1, -1.5], [1, 7]], remainingCycles: nil, origin: "m-2 life 2"),
            ])
    }

    @Test("train and test rows are 'unit cycle settings sensors', numbered from 1; RUL has one line per test unit")
    func files() throws {
        let dir = NSTemporaryDirectory() + "twinlab-cmapss-\(UUID().uuidString)"
        let paths = try Self.dataset().write(directory: dir)
        #expect(paths.map { ($0 as NSString).lastPathComponent } == ["train_FD-t.txt", "test_FD-t.txt", "RUL_FD-t.txt", "columns_FD-t.txt"])
        let read = { (file: String) in try String(contentsOfFile: "\(dir)/\(file)", encoding: .utf8) }
        #expect(try read("train_FD-t.txt") == "1 1 1 2.5\n1 2 1 3.25\n2 1 1 0\n2 2 1 -1.5\n2 3 1 7\n")
        #expect(try read("test_FD-t.txt") == "1 1 0.7 0.001\n")
        #expect(try read("RUL_FD-t.txt") == "42\n")
        let columns = try read("columns_FD-t.txt")
        #expect(columns.contains("3 load [x rated] setting\n4 power [kW] sensor\n"))
        #expect(columns.contains("train 2: m-2 life 2\n"))
        #expect(columns.contains("test 1: m-2 life 1\n"))
    }

    @Test("units start at firstUnit in train, test and the origin list; nextFirstUnit follows the larger part")
    func firstUnit() throws {
        let dir = NSTemporaryDirectory() + "twinlab-cmapss-\(UUID().uuidString)"
        var dataset = Self.dataset()
        dataset.firstUnit = 41
        try dataset.write(directory: dir)
        let read = { (file: String) in try String(contentsOfFile: "\(dir)/\(file)", encoding: .utf8) }
        #expect(try read("train_FD-t.txt") == "41 1 1 2.5\n41 2 1 3.25\n42 1 1 0\n42 2 1 -1.5\n42 3 1 7\n")
        #expect(try read("test_FD-t.txt") == "41 1 0.7 0.001\n")
        let columns = try read("columns_FD-t.txt")
        #expect(columns.contains("unit [count] unit number, from 41, separately in train and test"))
        #expect(columns.contains("train 42: m-2 life 2\n") && columns.contains("test 41: m-2 life 1\n"))
        #expect(dataset.nextFirstUnit == 43)
        dataset.firstUnit = 0
        #expect(throws: DatasetExportError.self) { try dataset.write(directory: dir, force: true) }
    }

    @Test("refuses existing files without force and names that are not file stems")
    func refusals() throws {
        let dir = NSTemporaryDirectory() + "twinlab-cmapss-\(UUID().uuidString)"
        try Self.dataset().write(directory: dir)
        #expect(throws: DatasetExportError(.outputExists, "'\(dir)/train_FD-t.txt' already exists; pass --force to replace it")) {
            try Self.dataset().write(directory: dir)
        }
        try Self.dataset().write(directory: dir, force: true)
        for bad in ["", "a/b", "../x", "with space"] {
            #expect(throws: DatasetExportError.self) { try Self.dataset(name: bad).write(directory: dir) }
        }
    }
}
