import Foundation
import Testing
import TestSupport
import Catalog

/// A disk that fills up at any point of a run: exit 4 with a message that says so, never a
/// signal; the failed run's partial file is deleted; the catalog stays readable and true, an
/// earlier result survives, and the next run on a freed disk works.
///
/// The disk is a real tmpfs mounted by the test (which therefore runs as root, as CI does); a
/// filler file leaves chosen amounts of free space so the disk fills while the catalog opens,
/// while the series stream, at the end of the simulation and while the results are added.
@Suite("Full disk", .serialized)
struct FullDiskTests {
    static let scenario = TwinLabProcess.repository.appendingPathComponent("scenarios/flower-room.yaml").path
    static let arguments = ["run", scenario, "--until", "720", "--quiet", "--output", "r", "--catalog", "r/catalog.sqlite"]

    @Test("every free-space level gives exit 0 or 4, and the catalog and earlier results stay true")
    func fillingTheDiskAtEveryStage() throws {
        let scratch = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("twinlab-disk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let reference = try TwinLabProcess.run(Self.arguments, in: scratch)
        try #require(reference.status == 0, "\(reference.err)")
        let runSize = try Self.size(of: scratch.appendingPathComponent("r"), suffix: ".h5")

        let disk = scratch.appendingPathComponent("tmpfs")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        try Self.mountTmpfs(at: disk, bytes: 2 * runSize + 4_000_000)
        defer { _ = try? SystemCommand.run("/bin/umount", [disk.path]) }

        var failures = 0
        for free in [16_384, 65_536, 262_144] + [0.2, 0.45, 0.7, 0.9, 0.97, 1.5].map({ Int(Double(runSize) * $0) }) {
            let dir = disk.appendingPathComponent("level")
            try? FileManager.default.removeItem(at: dir)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            // An earlier result in the same folder and catalog, which nothing may disturb.
            let earlier = try TwinLabProcess.run(["run", Self.scenario, "--until", "24", "--quiet", "--output", "r",
                                                  "--catalog", "r/catalog.sqlite"], in: dir)
            try #require(earlier.status == 0, "\(earlier.err)")

            let filler = disk.appendingPathComponent("filler")
            try Self.fill(filler, leaving: free, on: disk)
            let run = try TwinLabProcess.run(Self.arguments, in: dir)
            try FileManager.default.removeItem(at: filler)

            #expect(!run.signalled, "free \(free) B: killed by signal \(run.status): \(run.err)")
            #expect([0, 4].contains(run.status), "free \(free) B: exit \(run.status): \(run.err)")
            if run.status == 4 {
                failures += 1
                #expect(run.err.contains("disk is full"), "free \(free) B: \(run.err)")
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("r").path)
            #expect(!names.contains { $0.hasSuffix(".partial") || $0.hasSuffix(".lock") }, "free \(free) B left \(names)")

            let list = try TwinLabProcess.run(["catalog", "list", "--catalog", "r/catalog.sqlite"], in: dir)
            #expect(list.status == 0, "free \(free) B: catalog list after the full disk: \(list.err)")
            let rows = try RunFileProbe.expectTruthfulRows(in: dir.appendingPathComponent("r/catalog.sqlite").path,
                                                           relativeTo: dir)
            #expect(rows.contains { $0.status == .complete && $0.horizonHours == 24 }, "free \(free) B lost the earlier run")
            let next = try TwinLabProcess.run(Self.arguments, in: dir)
            #expect(next.status == 0, "free \(free) B: the run after freeing the disk failed: \(next.err)")
        }
        print("full disk: \(failures) of 9 free-space levels ran out of space (run file \(runSize) B)")
        #expect(failures >= 6)
    }

    /// Total size of the files in `folder` whose names end in `suffix`.
    static func size(of folder: URL, suffix: String) throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(suffix) }
            .reduce(0) { $0 + ((try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent($1).path)[.size] as? Int) ?? 0) }
    }

    /// Mounts a tmpfs of `bytes` at `path`; needs root (CI runs as root).
    static func mountTmpfs(at path: URL, bytes: Int) throws {
        let status = try SystemCommand.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(bytes)", "tmpfs", path.path])
        try #require(status == 0, "mounting a tmpfs failed (exit \(status)); this test needs root, as CI has")
    }

    /// Allocates a file that leaves `free` bytes available on the file system at `disk`.
    static func fill(_ file: URL, leaving free: Int, on disk: URL) throws {
        var info = statvfs()
        try #require(statvfs(disk.path, &info) == 0)
        let available = Int(info.f_bavail) * Int(info.f_frsize)
        let fd = open(file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(fd >= 0)
        defer { close(fd) }
        try #require(posix_fallocate(fd, 0, off_t(max(available - free, 1))) == 0)
    }
}
