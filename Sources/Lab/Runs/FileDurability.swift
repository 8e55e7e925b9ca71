import Foundation

/// Puts a finished file on disk for good: its data synced, then renamed into place, then the
/// folder synced, in the order durable stores use.
///
/// Without the first `fsync` a power cut after the rename can leave the new name pointing at a
/// file whose blocks never reached the disk; without the folder `fsync` the rename itself may
/// be lost. `rename(2)` replaces an earlier file at the final name in one step, so that file
/// stays whole until the instant it is replaced and is never deleted first.
public enum FileDurability {
    /// Flushes the file's data and metadata to the device (`fsync`).
    public static func sync(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("cannot open '\(path)' to sync it") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw failure("cannot sync '\(path)' to disk") }
    }

    /// Renames `partial` over `path` and syncs the folder that holds them.
    public static func publish(_ partial: String, as path: String) throws {
        guard rename(partial, path) == 0 else { throw failure("cannot rename '\(partial)' to '\(path)'") }
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("cannot open the folder of '\(path)' to sync it") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw failure("cannot sync the folder of '\(path)' to disk") }
    }

    /// Whether the file system holding `path` (a file or folder) has no room left for an
    /// ordinary user: SQLite reports a full disk on some paths only as "disk I/O error".
    public static func isFull(at path: String) -> Bool {
        var folder = path
        var info = statvfs()
        while statvfs(folder.isEmpty ? "." : folder, &info) != 0 {
            guard !folder.isEmpty, folder != "/" else { return false }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize) < 64 * 1024
    }

    /// A ``RunError`` for the current `errno`; ENOSPC and EDQUOT read as a full disk.
    private static func failure(_ what: String) -> RunError {
        let code = errno
        let reason = String(cString: strerror(code))
        return RunError(code: code == ENOSPC || code == EDQUOT ? .diskFull : .output, message: "\(what): \(reason)")
    }
}
