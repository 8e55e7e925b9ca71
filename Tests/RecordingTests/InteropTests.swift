import Foundation
import Recording
import Testing
import TestSupport

extension HDF5Tests {
    @Suite("Crash safety and interoperability")
    struct InteropTests {
        /// Writes 150 rows (one 100-row chunk + 50), flushes, then buffers 30 more rows without flushing.
        static func writeFlushedButOpen(_ path: String) throws -> TimeSeriesWriter {
            let file = try HDF5File.create(at: path)
            let writer = try file.createGroup("rooms").createTimeSeries(
                "room-1", columns: ["t", "air_temp", "rh"], units: ["s", "degC", "%"], options: .init(chunkRows: 100))
            for row in 0..<150 { try writer.append((0..<3).map { sample(row, $0) }) }
            try writer.flush()
            for row in 150..<180 { try writer.append((0..<3).map { sample(row, $0) }) }
            return writer
        }

        @Test("the bytes on disk after flush() are a readable file holding the flushed rows")
        func snapshotAfterFlushIsReadable() throws {
            let dir = try TemporaryDirectory()
            let path = dir.path("live.h5")
            let writer = try Self.writeFlushedButOpen(path)
            // What a killed process leaves behind is exactly what the OS has now.
            let snapshot = dir.path("snapshot.h5")
            try FileManager.default.copyItem(atPath: path, toPath: snapshot)
            let table = try HDF5File.open(at: snapshot).readTable("rooms/room-1")
            #expect(table.rowCount == 150)
            #expect(table[149, 2] == sample(149, 2))
            #expect(table.columns == ["t", "air_temp", "rh"])
            try writer.close()
            #expect(try HDF5File.open(at: path).readTable("rooms/room-1").rowCount == 180)
        }

        @Test("another process (h5dump) reads the rows up to the last flush while the writer is still open")
        func h5dumpReadsFlushedFile() throws {
            let dir = try TemporaryDirectory()
            let path = dir.path("live.h5")
            let writer = try Self.writeFlushedButOpen(path)
            let h5dump = try #require(findExecutable("h5dump"))
            // The writer holds HDF5's advisory file lock; a killed writer would not, so lift it for the reader.
            let environment = ["HDF5_USE_FILE_LOCKING": "FALSE"]
            let header = try runProcess(h5dump, ["-H", path], environment: environment)
            #expect(header.status == 0, "h5dump -H failed: \(header.stderr)")
            #expect(header.stdout.contains("( 150, 3 ) / ( H5S_UNLIMITED, 3 )"), "\(header.stdout)")
            let cell = try runProcess(h5dump, ["-d", "/rooms/room-1", "-s", "149,2", "-c", "1,1", path], environment: environment)
            #expect(cell.status == 0, "h5dump -d failed: \(cell.stderr)")
            #expect(cell.stdout.contains("(149,2): \(sample(149, 2).formatted(.number.grouping(.never)))"), "\(cell.stdout)")
            try writer.close()
        }

        @Test("h5py reads a table back")
        func h5pyReadsTable() throws {
            let dir = try TemporaryDirectory()
            let path = dir.path("py.h5")
            do {
                let file = try HDF5File.create(at: path)
                try file.setAttribute("seed", 2024)
                let writer = try file.createGroup("rooms").createTimeSeries(
                    "room-1", columns: ["t", "air_temp", "rh"], units: ["s", "degC", "%"], options: .deflate(4, chunkRows: 100))
                for row in 0..<250 { try writer.append((0..<3).map { sample(row, $0) }) }
                try writer.close()
                try file.close()
            }
            let script = """
                import sys, h5py
                with h5py.File(sys.argv[1], "r") as f:
                    ds = f["rooms/room-1"]
                    print("shape", ds.shape)
                    print("value", repr(float(ds[249, 2])))
                    print("columns", ",".join(ds.attrs["columns"]))
                    print("units", ",".join(ds.attrs["units"]))
                    print("seed", int(f.attrs["seed"]))
                """
            let output = try PythonInterpreter.script(script, [path])
            #expect(output.status == 0, "python failed: \(output.stderr)")
            #expect(output.stdout.contains("shape (250, 3)"), "\(output.stdout)")
            #expect(output.stdout.contains("value \(sample(249, 2))"), "\(output.stdout)")
            #expect(output.stdout.contains("columns t,air_temp,rh"))
            #expect(output.stdout.contains("units s,degC,%"))
            #expect(output.stdout.contains("seed 2024"))
        }

        @Test("files written by h5py (fixed-length strings, int32, float32) read back in Swift")
        func readsH5pyFiles() throws {
            let dir = try TemporaryDirectory()
            let path = dir.path("from-python.h5")
            let script = """
                import sys, h5py, numpy as np
                with h5py.File(sys.argv[1], "w") as f:
                    f.attrs["fixed"] = np.bytes_("abc")
                    f.attrs["label"] = "vlen ✓"
                    f.attrs["n"] = np.int32(7)
                    f["fixed_ds"] = np.array([b"ab", b"cde"], dtype="S3")
                    f["i32"] = np.arange(5, dtype=np.int32)
                    f["f32"] = np.array([[0.5, 1.5], [2.5, 3.5]], dtype=np.float32)
                """
            let output = try PythonInterpreter.script(script, [path])
            #expect(output.status == 0, "python failed: \(output.stderr)")
            let file = try HDF5File.open(at: path)
            #expect(try file.stringAttribute("fixed") == "abc")
            #expect(try file.stringAttribute("label") == "vlen ✓")
            #expect(try file.int64Attribute("n") == 7)
            #expect(try file.openDataset("fixed_ds").readStrings() == ["ab", "cde"])
            #expect(try file.openDataset("i32").readInt64s() == [0, 1, 2, 3, 4])
            let table = try file.readTable("f32")
            #expect(table.columns == ["column0", "column1"])
            #expect(table.values == [0.5, 1.5, 2.5, 3.5])
            #expect(try file.openDataset("f32").storage() == nil)
        }
    }
}
