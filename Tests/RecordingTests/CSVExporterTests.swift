import Foundation
import Testing
import Recording

extension HDF5Tests {
    /// CSV export reads back to the exact values.
    @Suite("CSV export")
    struct CSVExporterTests {
        @Test func exportsEveryTableWithUnitsAndExactValues() throws {
            let dir = NSTemporaryDirectory() + "twinlab-csv-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let path = dir + "/run.h5"
            let file = try HDF5File.create(at: path)
            let writer = try file.createGroup("timeseries").createTimeSeries(
                "room", columns: ["time", "temperature"], units: ["h", "degC"])
            let values = [[0.0, 21.1], [0.5, 0.1 + 0.2], [1.0, -3.25e-7]]
            for row in values { try writer.append(row) }
            try writer.close()
            try sealAsRun(file)
            try file.close()
            let written = try CSVExporter.export(runPath: path, to: dir + "/csv")
            #expect(written == [dir + "/csv/run-room.csv"])
            let lines = try String(contentsOfFile: written[0], encoding: .utf8).split(separator: "\n")
            #expect(lines.first == "time [h],temperature [degC]")
            let parsed = lines.dropFirst().map { $0.split(separator: ",").map { Double(String($0))! } }
            #expect(parsed == values)
        }

        @Test func exportsNestedRoomAndResultTablesUnderDistinctNames() throws {
            let dir = NSTemporaryDirectory() + "twinlab-csv-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let path = dir + "/facility.h5"
            let file = try HDF5File.create(at: path)
            let rooms = try file.createGroup("timeseries").createGroup("rooms")
            for room in ["veg-1", "flower-1"] {
                let writer = try rooms.createTimeSeries(room, columns: ["time", "co2"], units: ["h", "ppm"])
                try writer.append([0, 800])
                try writer.close()
            }
            let alerts = try file.createGroup("alerts").createTimeSeries(
                "rooms", columns: ["room", "start"], units: ["1", "h"])
            try alerts.append([1, 2.5])
            try alerts.close()
            try sealAsRun(file)
            try file.close()
            let written = try CSVExporter.export(runPath: path, to: dir + "/csv").map { ($0 as NSString).lastPathComponent }
            #expect(written == ["facility-rooms-flower-1.csv", "facility-rooms-veg-1.csv", "facility-alerts-rooms.csv"])
        }
    }
}
