import Foundation
import Recording
import Testing

extension HDF5Tests {
    @Suite("File errors")
    struct FileErrorTests {
        @Test("opening a missing file throws fileNotFound naming the path")
        func missingFile() throws {
            let dir = try TemporaryDirectory()
            let path = dir.path("does-not-exist.h5")
            for mode in [HDF5File.OpenMode.readOnly, .readWrite] {
                let error = #expect(throws: HDF5Error.self) { try HDF5File.open(at: path, mode: mode) }
                #expect(error?.code == .fileNotFound)
                #expect(error?.message.contains(path) == true)
                #expect(error?.path == path)
            }
        }

        @Test("opening a corrupt or empty .h5 file throws fileOpen with the HDF5 stack as cause")
        func corruptFile() throws {
            let dir = try TemporaryDirectory()
            let garbage = dir.path("garbage.h5")
            let bytes = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            try Data(bytes).write(to: URL(fileURLWithPath: garbage))
            let empty = dir.path("empty.h5")
            try Data().write(to: URL(fileURLWithPath: empty))
            for path in [garbage, empty] {
                for mode in [HDF5File.OpenMode.readOnly, .readWrite] {
                    let error = #expect(throws: HDF5Error.self, "\(mode) \(path)") { try HDF5File.open(at: path, mode: mode) }
                    #expect(error?.code == .fileOpen)
                    #expect(error?.message.contains(path) == true)
                    if path == garbage { #expect(error?.cause.contains("H5Fopen") == true) }
                    #expect(error.map { "\($0)" }?.contains(path) == true)
                }
            }
        }

        @Test("creating in a missing directory, or exclusively over an existing file, throws fileCreate")
        func createFailures() throws {
            let dir = try TemporaryDirectory()
            let nowhere = dir.path("no/such/dir/run.h5")
            let missingDir = #expect(throws: HDF5Error.self) { try HDF5File.create(at: nowhere) }
            #expect(missingDir?.code == .fileCreate)
            #expect(missingDir?.message.contains(nowhere) == true)
            let existing = dir.path("exists.h5")
            try HDF5File.create(at: existing).close()
            let exclusive = #expect(throws: HDF5Error.self) { try HDF5File.create(at: existing, mode: .exclusive) }
            #expect(exclusive?.code == .fileCreate)
            let replaced = try HDF5File.create(at: existing, mode: .truncate)
            #expect(replaced.isWritable)
        }

        @Test("a read-only file refuses writes with a typed error")
        func readOnlyRefusesWrites() throws {
            let dir = try TemporaryDirectory()
            let path = dir.path("ro.h5")
            try HDF5File.create(at: path).close()
            let file = try HDF5File.open(at: path)
            let attribute = #expect(throws: HDF5Error.self) { try file.setAttribute("x", 1.0) }
            #expect(attribute?.code == .attributeWrite)
            let group = #expect(throws: HDF5Error.self) { try file.createGroup("g") }
            #expect(group?.code == .groupCreate)
            let table = #expect(throws: HDF5Error.self) { try file.createTimeSeries("t", columns: ["a"], units: [""]) }
            #expect(table?.code == .datasetCreate)
        }

        @Test("a lock held for an instant is waited out; one held past the wait is a clear error")
        func lockedFile() throws {
            let dir = try TemporaryDirectory()
            let path = dir.path("locked.h5")
            try HDF5File.create(at: path).close()
            // What a writer (or a child that inherited its descriptor) holds: HDF5's exclusive flock.
            let holder = Foundation.open(path, O_RDWR)
            try #require(holder >= 0 && flock(holder, LOCK_EX | LOCK_NB) == 0)

            let error = #expect(throws: HDF5Error.self) { try HDF5File.open(at: path, lockWait: 0.05) }
            #expect(error?.code == .fileOpen)
            #expect(error?.message.contains("holds it open for writing (still locked after 0.05 s)") == true)
            #expect(error?.cause.contains("unable to lock the file") == true)

            let release = Thread { Thread.sleep(forTimeInterval: 0.15); close(holder) }
            let start = Date()
            release.start()
            let file = try HDF5File.open(at: path)
            #expect(Date().timeIntervalSince(start) >= 0.1)
            #expect(file.isOpen)
        }
    }
}
