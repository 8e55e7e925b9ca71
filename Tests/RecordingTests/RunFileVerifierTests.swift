import Foundation
import Recording
import Testing

extension HDF5Tests {
    /// `RunFileVerifier` on real files: intact, changed in data or attributes, foreign, unfinished.
    @Suite("Run file verification")
    struct RunFileVerifierTests {
        /// A sealed run-like file (every dataset chunked, written the way runs are).
        func sealedRun(_ dir: TemporaryDirectory, _ name: String = "run.h5") throws -> String {
            let path = dir.path(name)
            try OutputDigestTests.writeEverything(to: path)
            return path
        }

        @Test("an intact run passes every check, in order")
        func intact() throws {
            let dir = try TemporaryDirectory()
            let result = RunFileVerifier.verify(path: try sealedRun(dir))
            #expect(result.isIntact, "\(String(describing: result.failure))")
            #expect(result.checks.map(\.name) == ["HDF5 file", "TwinLab run file", "complete", "datasets", "output digest"])
            #expect(result.checks.allSatisfy { $0.passed })
            #expect(result.storedDigest == result.digest?.hex)
        }

        @Test("a flipped byte in any chunk of any checksummed dataset fails the check and names the dataset")
        func everyChunkOfEveryDataset() throws {
            let dir = try TemporaryDirectory()
            let path = try sealedRun(dir)
            var flipped = 0
            for dataset in ["/timeseries/rooms/flower-1", "/events/ticks"] {
                let chunks = try HDF5File.open(at: path).openDataset(dataset).storedChunks()
                #expect(!chunks.isEmpty)
                for chunk in chunks {
                    // The first byte, the middle and the last (the stored checksum itself).
                    for offset in [chunk.lowerBound, chunk.lowerBound + chunk.count / 2, chunk.upperBound - 1] {
                        let copy = dir.path("flipped-\(flipped).h5")
                        flipped += 1
                        try FileManager.default.copyItem(atPath: path, toPath: copy)
                        try flipByte(in: copy, at: offset)
                        let failure = RunFileVerifier.verify(path: copy).failure
                        #expect(failure?.isIntegrityFailure == true, "\(dataset) byte \(offset): \(String(describing: failure))")
                        #expect(failure?.object == dataset, "\(dataset) byte \(offset): \(String(describing: failure))")
                        #expect(failure?.description.hasPrefix("integrity check failed: ") == true)
                        #expect(throws: RunFileIntegrityError.self) { try RunFileReader(verifying: copy, allowIncomplete: true) }
                    }
                }
            }
            #expect(flipped >= 9)

            // String chunks hold references to text in HDF5's global heap and carry no checksum:
            // a changed reference reads other text or none, which the digest or the read catches.
            let strings = try #require(try HDF5File.open(at: path).openDataset("/events/kind").storedChunks().first)
            for offset in [strings.lowerBound, strings.lowerBound + 8, strings.lowerBound + 16 + 12] {
                let copy = dir.path("string-\(offset).h5")
                try FileManager.default.copyItem(atPath: path, toPath: copy)
                try flipByte(in: copy, at: offset)
                let failure = RunFileVerifier.verify(path: copy).failure
                #expect(failure?.isIntegrityFailure == true, "byte \(offset): \(String(describing: failure))")
            }
        }

        @Test("a changed attribute or value that HDF5 reads without complaint fails the output digest")
        func changedAttribute() throws {
            let dir = try TemporaryDirectory()
            let path = try sealedRun(dir)
            do {
                let file = try HDF5File.open(at: path, mode: .readWrite)
                try file.openGroup("kpis").setAttribute("yield_g", 1.0)
            }
            let failure = try #require(RunFileVerifier.verify(path: path).failure)
            #expect(failure.code == .digestMismatch)
            #expect(failure.description.hasPrefix("integrity check failed: the content of"))
        }

        @Test("a flipped byte in the text of the schema or scenario attributes is damage, never a foreign file")
        func flippedAttributeText() throws {
            let dir = try TemporaryDirectory()
            let path = try sealedRun(dir)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            for text in [RunFileReader.schema, "second line", "repair_start"] {
                let offset = try #require(bytes.firstRange(of: Data(text.utf8))?.lowerBound, "\(text) not stored inline")
                let copy = dir.path("text.h5")
                try? FileManager.default.removeItem(atPath: copy)
                try FileManager.default.copyItem(atPath: path, toPath: copy)
                try flipByte(in: copy, at: offset + 2)
                let failure = try #require(RunFileVerifier.verify(path: copy).failure, "\(text)")
                #expect(failure.isIntegrityFailure, "\(text): \(failure)")
            }
        }

        @Test("a file whose writer stopped while it was open outside single-writer mode is an incomplete run, with the fix")
        func openForWritingMark() throws {
            let dir = try TemporaryDirectory()
            let path = dir.path("run.h5")
            do {
                let file = try HDF5File.create(at: path, singleWriter: true)
                try sealAsRun(file, status: "incomplete")
                try file.createTimeSeries("x", columns: ["a"], units: [""]).close()
                try file.close()
            }
            let open = try HDF5File.open(at: path, mode: .readWrite)
            try sealAsRun(open)
            try open.flush()
            // What a writer killed now leaves: the bytes on disk, with the "open for writing" mark.
            let snapshot = dir.path("snapshot.h5")
            try FileManager.default.copyItem(atPath: path, toPath: snapshot)
            try open.close()
            let failure = try #require(RunFileVerifier.verify(path: snapshot).failure)
            #expect(failure.code == .incomplete, "\(failure)")
            #expect(failure.message.contains("h5clear -s"), "\(failure)")
            #expect(RunFileVerifier.verify(path: path).isIntact)
        }

        @Test("foreign, empty, missing and unfinished files are told apart")
        func refusals() throws {
            let dir = try TemporaryDirectory()
            let foreign = dir.path("foreign.h5")
            do {
                let file = try HDF5File.create(at: foreign)
                try file.setAttribute("title", "someone else's data")
                try file.createTimeSeries("x", columns: ["a"], units: [""]).close()
            }
            #expect(RunFileVerifier.verify(path: foreign).failure?.code == .notARunFile)
            #expect(RunFileVerifier.verify(path: foreign).failure?.description.hasPrefix("not a TwinLab run: ") == true)

            let text = dir.path("notes.h5")
            try "not HDF5 at all".write(toFile: text, atomically: true, encoding: .utf8)
            #expect(RunFileVerifier.verify(path: text).failure?.code == .notHDF5)
            _ = FileManager.default.createFile(atPath: dir.path("empty.h5"), contents: nil)
            #expect(RunFileVerifier.verify(path: dir.path("empty.h5")).failure?.code == .notHDF5)
            #expect(RunFileVerifier.verify(path: dir.path("missing.h5")).failure?.code == .unreadable)
            #expect(RunFileVerifier.verify(path: dir.url.path).failure?.code == .unreadable)

            let partial = dir.path("partial.h5")
            do {
                let file = try HDF5File.create(at: partial)
                let writer = try file.createTimeSeries("x", columns: ["a"], units: [""])
                try writer.append([1])
                try writer.close()
                try sealAsRun(file, status: "incomplete")
            }
            let unfinished = RunFileVerifier.verify(path: partial)
            #expect(unfinished.failure?.code == .incomplete)
            #expect(unfinished.checks.map(\.name) == ["HDF5 file", "TwinLab run file", "complete", "datasets"])
            // Readers of a killed run's partial file accept it; its datasets were still read.
            let allowed = try RunFileVerifier.requireIntact(path: partial, allowIncomplete: true)
            #expect(allowed.digest?.datasets == 1 && allowed.storedDigest == nil)

            let unsealed = dir.path("unsealed.h5")
            do {
                let file = try HDF5File.create(at: unsealed)
                try sealAsRun(file, status: "complete")
                try file.setAttribute(OutputDigest.attributeName, String(repeating: "0", count: 64))
            }
            #expect(RunFileVerifier.verify(path: unsealed).failure?.code == .digestMismatch)
            let undigested = dir.path("undigested.h5")
            do {
                let file = try HDF5File.create(at: undigested)
                try file.setAttribute("schema", RunFileReader.schema)
                try file.setAttribute("status", "complete")
            }
            #expect(RunFileVerifier.verify(path: undigested).failure?.code == .digestMissing)
        }
    }
}
