import Foundation
import Recording
import Testing
import TestSupport

extension HDF5Tests {
    /// The output digest over real HDF5 files: what it covers, what it ignores, and that the
    /// documented algorithm (docs/run-file-format.md) recomputed in Python with h5py agrees.
    @Suite("Output digest")
    struct OutputDigestTests {
        /// A file with every shape the digest encodes: nested groups, scalar and array attributes
        /// of each type (empty arrays too), float, int and string datasets, an empty table.
        static func writeEverything(to path: String, options: HDF5StorageOptions = HDF5StorageOptions(chunkRows: 64),
                                    level: Double = 0.5) throws {
            let file = try HDF5File.create(at: path)
            try file.setAttribute("schema", RunFileReader.schema)
            try file.setAttribute("seed", Int64(-7))
            try file.setAttribute("horizon_hours", 24.5)
            try file.setAttribute("text", "naïve – ünïcödé\nsecond line")
            try file.setAttribute("names", ["a", "", "βγ"])
            try file.setAttribute("none", [String]())
            try file.setAttribute("weights", [1.5, -.infinity, .nan])
            try file.setAttribute("counts", [Int64(1), 2, 3])
            try file.setAttribute("no_counts", [Int64]())
            let rooms = try file.createGroup("timeseries").createGroup("rooms")
            let table = try rooms.createTimeSeries("flower-1", columns: ["time", "level"], units: ["h", "1"], options: options)
            for row in 0..<150 { try table.append([Double(row), Double(row) * level]) }
            try table.dataset.setAttribute("floor_area_m2", 120.0)
            try table.close()
            let empty = try rooms.createTimeSeries("flower-2", columns: ["time"], units: ["h"], options: options)
            try empty.close()
            let ticks = try file.createGroup("events").createVector("ticks", of: Int64.self, options: options)
            try ticks.append(contentsOf: [Int64.min, 0, Int64.max])
            try ticks.close()
            let kinds = try file.openGroup("events").createVector("kind", of: String.self, options: options)
            try kinds.append(contentsOf: ["failure", "repair_start", "ünïcödé"])
            try kinds.close()
            _ = try file.createGroup("kpis")
            try file.setAttribute("status", "complete")
            try OutputDigest.seal(file)
            try file.close()
        }

        @Test("the digest equals the documented algorithm recomputed in Python (h5py, hashlib)")
        func pythonAgrees() throws {
            let dir = try TemporaryDirectory()
            let path = dir.path("everything.h5")
            try Self.writeEverything(to: path)
            let digest = try OutputDigest.compute(of: try HDF5File.open(at: path))
            // HDF5 puts no checksum on variable-length strings; the digest covers their text.
            #expect(digest.groups == 5 && digest.datasets == 4 && digest.checksummedDatasets == 3)
            let script = PythonInterpreter.repository.appendingPathComponent("scripts/output_digest.py").path
            let python = try PythonInterpreter.run([script, path])
            #expect(python.status == 0, "\(python.stderr)")
            #expect(python.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "\(digest.hex) \(path) ok")
        }

        @Test("storage (chunking, deflate, checksums) does not enter the digest; any value and the digest attribute's absence do")
        func coversContentNotLayout() throws {
            let dir = try TemporaryDirectory()
            func digest(_ name: String, options: HDF5StorageOptions = HDF5StorageOptions(chunkRows: 64),
                        level: Double = 0.5) throws -> String {
                let path = dir.path(name)
                try Self.writeEverything(to: path, options: options, level: level)
                let file = try HDF5File.open(at: path)
                let digest = try OutputDigest.compute(of: file).hex
                #expect(try file.stringAttribute(OutputDigest.attributeName) == digest)
                return digest
            }
            let plain = try digest("plain.h5")
            #expect(try digest("again.h5") == plain)
            #expect(try digest("packed.h5", options: .deflate(6, chunkRows: 16)) == plain)
            #expect(try digest("unchecked.h5", options: HDF5StorageOptions(chunkRows: 1000, fletcher32: false)) == plain)
            #expect(try digest("other.h5", level: 0.5000000001) != plain)

            // Changing one attribute changes it; storing the digest again leaves it as it was.
            let path = dir.path("plain.h5")
            let file = try HDF5File.open(at: path, mode: .readWrite)
            try file.openGroup("kpis").setAttribute("yield_g", 1.0)
            #expect(try OutputDigest.compute(of: file).hex != plain)
            try file.openGroup("kpis").setAttribute("yield_g", 2.0)
            let changed = try OutputDigest.seal(file)
            #expect(try OutputDigest.seal(file) == changed)
        }

        @Test("appendable datasets carry Fletcher-32 by default, and a flipped byte in a chunk fails the read")
        func fletcher32FailsTheRead() throws {
            let dir = try TemporaryDirectory()
            let path = dir.path("table.h5")
            try TimeSeriesTests.writeTable(to: path, options: HDF5StorageOptions(chunkRows: 100))
            let chunks = try HDF5File.open(at: path).openDataset("rooms/room-1").storedChunks()
            #expect(chunks.count == 3)
            #expect(try HDF5File.open(at: path).openDataset("rooms/room-1").storage()?.fletcher32 == true)
            for (index, chunk) in chunks.enumerated() {
                let copy = dir.path("flipped-\(index).h5")
                try FileManager.default.copyItem(atPath: path, toPath: copy)
                try flipByte(in: copy, at: chunk.lowerBound + chunk.count / 3)
                let error = #expect(throws: HDF5Error.self) {
                    _ = try HDF5File.open(at: copy).readTable("rooms/room-1")
                }
                #expect(error?.code == .datasetRead)
                #expect(error?.cause.contains("Fletcher32") == true, "\(String(describing: error))")
            }
        }
    }
}

/// Inverts the lowest bit of the byte at `offset` of the file at `path`.
func flipByte(in path: String, at offset: Int) throws {
    let handle = try #require(FileHandle(forUpdatingAtPath: path))
    defer { try? handle.close() }
    try handle.seek(toOffset: UInt64(offset))
    let byte = try #require(try handle.read(upToCount: 1)?.first)
    try handle.seek(toOffset: UInt64(offset))
    try handle.write(contentsOf: Data([byte ^ 0x01]))
}
