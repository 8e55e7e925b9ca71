import Foundation

/// An exclusive claim on one run output name, held from before the partial file is created
/// until the run's catalog row is final, so two writers can never write one file.
///
/// The claim is an `flock(LOCK_EX)` on `<output>.lock`, taken without waiting: a second run of
/// the same scenario and seed into the same folder is refused at once with ``RunError/Code/outputBusy``
/// instead of truncating the first run's partial file (HDF5's own lock is released while a file
/// is in single-writer mode, so it cannot do this). The lock goes with the process, so a killed
/// writer's claim ends with it and the next run takes over its stale partial file.
///
/// Releasing unlinks the lock file while still holding it; a run that opened the old file just
/// before would then lock an unlinked inode, so ``acquire(for:)`` checks after locking that the
/// path still names the inode it locked and starts over when it does not.
public final class OutputClaim {
    /// The lock file.
    public let lockPath: String
    private var descriptor: Int32

    private init(lockPath: String, descriptor: Int32) {
        self.lockPath = lockPath
        self.descriptor = descriptor
    }

    deinit { release() }

    /// Claims the output at `outputPath` for this process.
    ///
    /// - Throws: ``RunError`` `.outputBusy` when another live process holds the claim, `.output`
    ///   when the lock file cannot be created (read-only folder, disk full).
    public static func acquire(for outputPath: String) throws -> OutputClaim {
        let lockPath = outputPath + ".lock"
        while true {
            let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                let full = errno == ENOSPC || errno == EDQUOT
                let reason = String(cString: strerror(errno))
                throw RunError(code: full ? .diskFull : .output,
                               message: "cannot create the lock file '\(lockPath)': \(reason)")
            }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                let busy = errno == EWOULDBLOCK
                let reason = String(cString: strerror(errno))
                Foundation.close(fd)
                if busy {
                    throw RunError(
                        code: .outputBusy,
                        message: "another run is writing '\(outputPath)' right now (it holds '\(lockPath)'); "
                            + "two runs never write one file: wait for it to finish, or pass another --output folder")
                }
                throw RunError(code: .output, message: "cannot lock '\(lockPath)': \(reason)")
            }
            var held = stat()
            var named = stat()
            if fstat(fd, &held) == 0, stat(lockPath, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev {
                return OutputClaim(lockPath: lockPath, descriptor: fd)
            }
            // The previous holder unlinked the file between our open and our lock.
            Foundation.close(fd)
        }
    }

    /// Gives the claim up: removes the lock file, then unlocks. Idempotent.
    public func release() {
        guard descriptor >= 0 else { return }
        unlink(lockPath)
        Foundation.close(descriptor)
        descriptor = -1
    }
}
