import Foundation
import Testing
import TestSupport
import TwinLabCLI

/// `twinlab verify` and every command that reads a run file, through the real executable, on
/// real run files changed byte by byte (located with h5py, independently of TwinLab).
extension CommandLineTests {
    /// A day of the whole facility: every kind of dataset a facility run writes.
    func facilityDay(in dir: URL, output: String = "results") throws -> String {
        let scenario = Self.repository.appendingPathComponent("scenarios/whole-facility.yaml").path
        let run = try twinlab(["run", scenario, "--until", "24", "--quiet", "--output", output], in: dir)
        try #require(run.status == 0, "\(run.err)")
        return try runFile("whole-facility-seed2024-24h-", in: dir, folder: output)
    }

    @Test("an intact run verifies (exit 0), twice the same bytes and digest, which the catalog and Python agree on")
    func intactRunVerifies() throws {
        let dir = try workspace()
        let first = try facilityDay(in: dir), second = try facilityDay(in: dir, output: "again")
        #expect(try Data(contentsOf: dir.appendingPathComponent(first)) == Data(contentsOf: dir.appendingPathComponent(second)))
        let verify = try twinlab(["verify", first, second], in: dir)
        #expect(verify.status == 0, "\(verify.out)\(verify.err)")
        for check in ["HDF5 file", "TwinLab run file", "complete", "datasets", "output digest"] {
            #expect(verify.out.contains("  ok    \(check)"), "\(verify.out)")
        }
        #expect(verify.out.components(separatedBy: "\nintact (").count == 3)
        let json = try twinlab(["verify", first, "--json"], in: dir)
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        let digest = try #require(reports.first?["output_digest"] as? String)
        #expect(reports.first?["intact"] as? Bool == true && reports.first?["content_digest"] as? String == digest)
        let shown = try twinlab(["catalog", "show", "--json",
                                 try #require(try catalogRunIDs(in: dir).first)], in: dir)
        #expect(shown.out.contains("\"output_digest\" : \"\(digest)\""), "\(shown.out)")
        let recomputed = try PythonInterpreter.run(
            [Self.repository.appendingPathComponent("scripts/output_digest.py").path, first, second], in: dir)
        #expect(recomputed.status == 0, "\(recomputed.stderr)")
        #expect(recomputed.stdout == "\(digest) \(first) ok\n\(digest) \(second) ok\n")
    }

    @Test("a flipped byte in any dataset's data fails verify, export csv, export minari and diff with exit 6")
    func flippedBytesFailEveryReader() throws {
        let dir = try workspace()
        let run = try facilityDay(in: dir)
        // Each dataset with stored data, and the file offset of the middle of the values its
        // first chunk holds (uncompressed chunks store the rows first; the rest of the chunk,
        // past the last row, holds no value).
        let located = try python("""
            import sys, h5py
            with h5py.File(sys.argv[1], "r") as f:
                names = []
                f.visititems(lambda name, obj: names.append(name) if isinstance(obj, h5py.Dataset) else None)
                for name in names:
                    ds = f[name]
                    assert ds.fletcher32 and ds.compression is None, name
                    if ds.id.get_num_chunks() > 0:
                        chunk = ds.id.get_chunk_info(0)
                        width = ds.shape[1] if len(ds.shape) == 2 else 1
                        used = min(ds.shape[0], ds.chunks[0]) * width * ds.dtype.itemsize
                        print(name, chunk.byte_offset + used // 2)
            """, [run], in: dir)
        let targets = located.split(separator: "\n").map { $0.split(separator: " ") }
        #expect(targets.count >= 15, "\(located)")
        for target in targets {
            let dataset = "/" + target[0], offset = try #require(Int(target[1]))
            let copy = "flipped.h5"
            try? FileManager.default.removeItem(at: dir.appendingPathComponent(copy))
            try FileManager.default.copyItem(at: dir.appendingPathComponent(run), to: dir.appendingPathComponent(copy))
            try flipByte(in: dir.appendingPathComponent(copy).path, at: offset)
            let readers = [["verify", copy], ["export", "csv", copy, "--output", "csv"],
                           ["export", "minari", copy, "--output", "minari"], ["diff", run, copy]]
            for arguments in readers {
                let result = try twinlab(arguments, in: dir)
                #expect(result.status == ExitStatus.unusableRun.rawValue, "\(arguments) on \(dataset): \(result.err)")
                #expect(result.err.contains("integrity check failed"), "\(arguments) on \(dataset): \(result.err)")
                #expect(result.err.contains(dataset), "\(arguments) on \(dataset): \(result.err)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("csv").path), "export csv wrote files")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("minari").path))
    }

    @Test("a foreign HDF5 file is 'not a TwinLab run' (exit 6) for every reader, and export csv writes nothing")
    func foreignHDF5File() throws {
        let dir = try workspace()
        _ = try python("""
            import h5py, numpy as np
            with h5py.File("foreign.h5", "w") as f:
                f.attrs["title"] = "someone else's measurements"
                f.create_dataset("timeseries/room", data=np.arange(20.0).reshape(10, 2))
                f["timeseries/room"].attrs["columns"] = ["time", "value"]
            """, [], in: dir)
        let run = try facilityDay(in: dir)
        for arguments in [["verify", "foreign.h5"], ["export", "csv", "foreign.h5", "--output", "csv"],
                          ["export", "minari", "foreign.h5", "--output", "minari"], ["diff", run, "foreign.h5"],
                          ["diff", "foreign.h5", "foreign.h5"]] {
            let result = try twinlab(arguments, in: dir)
            #expect(result.status == ExitStatus.unusableRun.rawValue, "\(arguments): \(result.err)")
            #expect(result.err.contains("not a TwinLab run"), "\(arguments): \(result.err)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("csv").path))
        try "plain text".write(to: dir.appendingPathComponent("notes.h5"), atomically: true, encoding: .utf8)
        let text = try twinlab(["verify", "notes.h5"], in: dir)
        #expect(text.status == ExitStatus.unusableRun.rawValue && text.err.contains("not an HDF5 file"), "\(text.err)")
        let missing = try twinlab(["verify", "missing.h5"], in: dir)
        #expect(missing.status == ExitStatus.ioError.rawValue, "\(missing.err)")
    }

    @Test("an unfinished run fails verify as incomplete (exit 6) but still exports to CSV")
    func unfinishedRun() throws {
        let dir = try workspace()
        let run = try facilityDay(in: dir)
        _ = try python("""
            import sys, h5py
            with h5py.File(sys.argv[1], "r+") as f:
                f.attrs["status"] = "incomplete"
                del f.attrs["output_digest"]
            """, [run], in: dir)
        let verify = try twinlab(["verify", run], in: dir)
        #expect(verify.status == ExitStatus.unusableRun.rawValue, "\(verify.err)")
        #expect(verify.err.contains("incomplete run:"), "\(verify.err)")
        let export = try twinlab(["export", "csv", run, "--output", "csv"], in: dir)
        #expect(export.status == 0, "\(export.err)")
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
