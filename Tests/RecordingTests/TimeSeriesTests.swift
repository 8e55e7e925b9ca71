import Foundation
import Recording
import Testing

extension HDF5Tests {
    @Suite("Time series and vectors")
    struct TimeSeriesTests {
        static let columns = ["t", "air_temp", "rh"]
        static let units = ["s", "degC", "%"]

        /// Writes 250 rows in 100-row chunks: two full chunks and a partial one.
        static func writeTable(to path: String, options: HDF5StorageOptions, rows: Int = 250) throws {
            let file = try HDF5File.create(at: path)
            let group = try file.createGroup("rooms")
            let writer = try group.createTimeSeries("room-1", columns: columns, units: units, options: options)
            for row in 0..<rows {
                try writer.append((0..<columns.count).map { sample(row, $0) })
            }
            #expect(writer.rowCount == rows)
            try writer.close()
            try file.close()
        }

        @Test("a table with two full chunks and a partial one reads back exactly", arguments: [
            HDF5StorageOptions(chunkRows: 100), HDF5StorageOptions.deflate(4, chunkRows: 100),
            HDF5StorageOptions(chunkRows: 100, deflateLevel: 1, shuffle: false),
        ])
        func tableRoundTrip(options: HDF5StorageOptions) throws {
            let dir = try TemporaryDirectory()
            let path = dir.path("table.h5")
            try Self.writeTable(to: path, options: options)
            let file = try HDF5File.open(at: path)
            let dataset = try file.openDataset("rooms/room-1")
            #expect(try dataset.shape() == [250, 3])
            #expect(try dataset.elementKind() == .double)
            let storage = try #require(try dataset.storage())
            #expect(storage.chunkRows == 100)
            #expect(storage.deflateLevel == options.deflateLevel)
            #expect(storage.shuffle == (options.deflateLevel != nil && options.shuffle))
            let table = try file.readTable("rooms/room-1")
            #expect(table.columns == Self.columns)
            #expect(table.units == Self.units)
            #expect(table.rowCount == 250)
            for row in [0, 1, 99, 100, 199, 200, 249] {
                for column in 0..<3 { #expect(table[row, column] == sample(row, column)) }
            }
            #expect(table.column("rh") == (0..<250).map { sample($0, 2) })
            #expect(table.column("nope") == nil)
        }

        @Test("compressed and uncompressed tables hold identical values")
        func compressionIsTransparent() throws {
            let dir = try TemporaryDirectory()
            try Self.writeTable(to: dir.path("plain.h5"), options: HDF5StorageOptions(chunkRows: 64), rows: 1000)
            try Self.writeTable(to: dir.path("packed.h5"), options: .deflate(6, chunkRows: 64), rows: 1000)
            let plain = try HDF5File.open(at: dir.path("plain.h5")).readTable("rooms/room-1")
            let packed = try HDF5File.open(at: dir.path("packed.h5")).readTable("rooms/room-1")
            #expect(plain == packed)
            #expect(plain.values.count == 3000)
        }

        @Test("bulk and buffer appends match row appends; a wrong row width is rejected")
        func appendVariants() throws {
            let dir = try TemporaryDirectory()
            let path = dir.path("variants.h5")
            let file = try HDF5File.create(at: path)
            let writer = try file.createTimeSeries("x", columns: ["a", "b"], units: ["", "m"], options: .init(chunkRows: 3))
            try writer.append(flatRows: [0, 1, 2, 3, 4, 5, 6, 7])  // 4 rows, crosses a chunk
            let row: [Double] = [8, 9]
            try row.withUnsafeBufferPointer { try writer.append(row: $0) }
            let short = #expect(throws: HDF5Error.self) { try writer.append([1]) }
            #expect(short?.code == .invalidArgument)
            #expect(short?.message.contains(path) == true)
            let ragged = #expect(throws: HDF5Error.self) { try writer.append(flatRows: [1, 2, 3]) }
            #expect(ragged?.code == .invalidArgument)
            try writer.close()
            let closed = #expect(throws: HDF5Error.self) { try writer.append([1, 2]) }
            #expect(closed?.code == .closed)
            let table = try file.readTable("x")
            #expect(table.values == (0..<10).map(Double.init))
            #expect(table.rowCount == 5)
            let noUnits = #expect(throws: HDF5Error.self) {
                try file.createTimeSeries("y", columns: ["a", "b"], units: ["s"])
            }
            #expect(noUnits?.code == .invalidArgument)
            let badLevel = #expect(throws: HDF5Error.self) {
                try file.createTimeSeries("z", columns: ["a"], units: [""], options: .deflate(12))
            }
            #expect(badLevel?.code == .invalidArgument)
        }

        @Test("int64, float64 and string vectors round-trip across chunk boundaries")
        func vectorsRoundTrip() throws {
            let dir = try TemporaryDirectory()
            let path = dir.path("events.h5")
            let ticks = (0..<1234).map { Int64($0) * 1_000_003 - 7 }
            let kinds = (0..<1234).map { ["lights_on", "fault: bearing \"B\"", "repair – ✓", ""][$0 % 4] }
            do {
                let file = try HDF5File.create(at: path)
                let events = try file.createGroup("events")
                let tickWriter = try events.createVector("time_ticks", of: Int64.self, options: .init(chunkRows: 500))
                let kindWriter = try events.createVector("kind", of: String.self, options: .deflate(4, chunkRows: 500))
                let valueWriter = try events.createVector("value", of: Double.self, options: .init(chunkRows: 100))
                try tickWriter.append(contentsOf: ticks.prefix(10))
                for tick in ticks.dropFirst(10) { try tickWriter.append(tick) }
                try kindWriter.append(contentsOf: kinds)
                try valueWriter.append(contentsOf: ticks.map { Double($0) / 3 })
                #expect(tickWriter.count == 1234 && kindWriter.count == 1234)
                try tickWriter.close()
                try kindWriter.close()
                try valueWriter.close()
            }
            let file = try HDF5File.open(at: path)
            #expect(try file.openDataset("events/time_ticks").readInt64s() == ticks)
            #expect(try file.openDataset("events/kind").readStrings() == kinds)
            #expect(try file.openDataset("events/value").readDoubles() == ticks.map { Double($0) / 3 })
            #expect(try file.openDataset("events/kind").elementKind() == .string)
            let notStrings = #expect(throws: HDF5Error.self) { try file.openDataset("events/time_ticks").readStrings() }
            #expect(notStrings?.code == .typeMismatch)
            let notTable = #expect(throws: HDF5Error.self) { try file.readTable("events/value") }
            #expect(notTable?.code == .typeMismatch)
        }

        @Test("the same writes give byte-identical files (object time tracking is off)")
        func byteIdenticalFiles() throws {
            let dir = try TemporaryDirectory()
            func write(_ path: String) throws {
                let file = try HDF5File.create(at: path)
                try file.setAttribute("seed", 2024)
                try file.setAttribute("scenario", "schema: twinlab/scenario@1\nrooms: 1\n")
                let rooms = try file.createGroup("rooms")
                let plain = try rooms.createTimeSeries("a", columns: Self.columns, units: Self.units, options: .init(chunkRows: 50))
                let packed = try rooms.createTimeSeries("b", columns: Self.columns, units: Self.units, options: .deflate(4, chunkRows: 50))
                let kinds = try file.createVector("kinds", of: String.self, options: .init(chunkRows: 16))
                for row in 0..<180 {
                    let values = (0..<3).map { sample(row, $0) }
                    try plain.append(values)
                    try packed.append(values)
                    try kinds.append("event-\(row % 5)")
                    if row == 120 { try packed.flush() }  // a deterministic flush point
                }
                try plain.close()
                try packed.close()
                try kinds.close()
                try file.close()
            }
            try write(dir.path("one.h5"))
            // Creation times have one-second resolution: make sure a clock tick separates the two files.
            Thread.sleep(forTimeInterval: 1.1)
            try write(dir.path("two.h5"))
            let one = try Data(contentsOf: URL(fileURLWithPath: dir.path("one.h5")))
            let two = try Data(contentsOf: URL(fileURLWithPath: dir.path("two.h5")))
            #expect(one.count > 0)
            #expect(one == two)
        }
    }
}
