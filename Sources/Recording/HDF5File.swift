import CHDF5
import Foundation

/// An open HDF5 file; closes itself when the last reference goes away.
///
/// An `HDF5File` and everything opened from it must be used from one thread at a time (it is
/// deliberately not `Sendable`). The thread-safe libhdf5 serialises every call behind one lock
/// anyway, so spreading one file over threads buys nothing; record on one thread or actor.
///
/// Files are written in HDF5's earliest compatible format with object time tracking off, so
/// the same writes in the same order give byte-identical files.
public final class HDF5File: HDF5Container {
    /// What to do when creating a file at a path that already exists.
    public enum CreateMode: Sendable {
        /// Replace the existing file.
        case truncate
        /// Fail if the file exists.
        case exclusive
    }

    /// How to open an existing file.
    public enum OpenMode: Sendable {
        case readOnly
        case readWrite
    }

    /// The path the file was created or opened with.
    public let path: String
    /// Whether the file accepts writes.
    public let isWritable: Bool
    private var id: hid_t

    private init(id: hid_t, path: String, isWritable: Bool) {
        self.id = id
        self.path = path
        self.isWritable = isWritable
    }

    deinit {
        HDF5Call.prepare()
        HDF5Call.closeQuietly(id, H5Fclose)
    }

    /// Creates a new HDF5 file.
    ///
    /// - Throws: ``HDF5Error`` `.fileCreate` when the directory is missing, the file exists in
    ///   `.exclusive` mode, or it cannot be written.
    public static func create(at path: String, mode: CreateMode = .truncate, singleWriter: Bool = false) throws -> HDF5File {
        HDF5Call.prepare()
        // Single-writer/multiple-reader mode needs the newest file format; its ordered
        // metadata writes keep the file consistent on disk at every moment.
        let fapl = try HDF5Call.id(
            H5Pcreate(chdf5_p_file_access()), .fileCreate, path: path,
            "cannot create HDF5 file '\(path)': file access property list failed")
        defer { HDF5Call.closeQuietly(fapl, H5Pclose) }
        try HDF5Call.check(
            H5Pset_fclose_degree(fapl, H5F_CLOSE_STRONG), .fileCreate, path: path,
            "cannot create HDF5 file '\(path)': selecting the strong close degree failed")
        if singleWriter {
            try HDF5Call.check(
                H5Pset_libver_bounds(fapl, chdf5_libver_latest(), chdf5_libver_latest()), .fileCreate, path: path,
                "cannot create HDF5 file '\(path)': selecting the newest file format failed")
        }
        let fcpl = try HDF5Call.id(
            H5Pcreate(chdf5_p_file_create()), .fileCreate, path: path,
            "cannot create HDF5 file '\(path)': file creation property list failed")
        defer { HDF5Call.closeQuietly(fcpl, H5Pclose) }
        // The file-creation list is also the root group's creation list: no timestamps there either.
        try HDF5Call.check(
            H5Pset_obj_track_times(fcpl, false), .fileCreate, path: path,
            "cannot create HDF5 file '\(path)': turning object time tracking off failed")
        let flags = mode == .truncate ? chdf5_acc_trunc() : chdf5_acc_excl()
        let id = H5Fcreate(path, flags, fcpl, fapl)
        guard id >= 0 else {
            let how = mode == .exclusive ? " (exclusive: it must not exist yet)" : ""
            throw HDF5Call.failure(
                .fileCreate,
                "cannot create HDF5 file '\(path)'\(how); check that the directory exists and is writable",
                path: path)
        }
        markCloseOnExec(id)
        return HDF5File(id: id, path: path, isWritable: true)
    }

    /// Switches a file created with `singleWriter: true` to SWMR writing.
    ///
    /// From here on HDF5 writes metadata in an order that keeps the file readable at any
    /// instant, so a killed writer leaves everything up to its last flush. No groups,
    /// datasets or attributes can be created afterwards: create them first.
    public func startSingleWriter() throws {
        HDF5Call.prepare()
        try HDF5Call.check(
            H5Fstart_swmr_write(try validID()), .flush, path: path,
            "cannot switch HDF5 file '\(path)' to single-writer mode")
    }

    /// Opens an existing HDF5 file.
    ///
    /// A file locked by another open (HDF5's `flock`) is retried for up to `lockWait` seconds,
    /// with pauses from 5 ms doubling to 100 ms, before the lock counts as held.
    ///
    /// - Throws: ``HDF5Error`` `.fileNotFound` when nothing exists at `path`, `.fileOpen` when
    ///   the file is not HDF5, is damaged, stays locked by a writer, or is not accessible.
    public static func open(at path: String, mode: OpenMode = .readOnly, lockWait: Double = 2) throws -> HDF5File {
        HDF5Call.prepare()
        guard FileManager.default.fileExists(atPath: path) else {
            throw HDF5Error(
                code: .fileNotFound, message: "cannot open HDF5 file '\(path)': no such file", path: path)
        }
        // HDF5 1.10 quietly turns a 0-byte file opened read-write into a new, empty HDF5 file.
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
        if size == 0 {
            throw HDF5Error(
                code: .fileOpen, message: "cannot open HDF5 file '\(path)': the file is empty (0 bytes); "
                    + "was the writer killed before it created the file?",
                path: path)
        }
        // A lock is often held only for an instant: by a writer that is closing, or by a
        // child process that inherited the writer's descriptor and has not yet closed it.
        let deadline = Date().addingTimeInterval(lockWait)
        var pause = 0.005
        var attempt = openOnce(path, mode: mode)
        while case .failure(let failure) = attempt, failure.stack.contains("unable to lock the file"), Date() < deadline {
            Thread.sleep(forTimeInterval: pause)
            pause = min(2 * pause, 0.1)
            attempt = openOnce(path, mode: mode)
        }
        let id: hid_t
        switch attempt {
        case .success(let opened):
            id = opened
        case .failure(let failure):
            let stack = failure.stack
            let how = mode == .readOnly ? "read-only" : "read-write"
            let why = if stack.contains("unable to lock the file") {
                "another process holds it open for writing (still locked after \(lockWait) s)"
            } else if stack.contains("file is not already open for SWMR writing")
                || stack.contains("file is already open for write") {
                // The superblock's "open for writing" mark of a writer that stopped outside
                // single-writer mode: the data is there, the mark needs clearing.
                "its writer stopped while it was open for writing outside single-writer mode; if no process "
                    + "writes it any more, `h5clear -s '\(path)'` clears that mark and makes it readable"
            } else {
                "it is not an HDF5 file, is damaged or truncated, or another process holds it open for writing"
            }
            throw HDF5Error(
                code: .fileOpen, message: "cannot open HDF5 file '\(path)' \(how): \(why)", path: path, cause: stack)
        }
        markCloseOnExec(id)
        return HDF5File(id: id, path: path, isWritable: mode == .readWrite)
    }

    public var file: HDF5File { self }
    public var objectPath: String { "/" }

    /// Whether the file handle is still open.
    public var isOpen: Bool { id >= 0 }

    public func validID() throws -> hid_t {
        guard id >= 0 else {
            throw HDF5Error(code: .closed, message: "HDF5 file '\(path)' is already closed", path: path)
        }
        return id
    }

    /// Writes HDF5's cached metadata and raw data to the operating system.
    ///
    /// After a flush the file on disk is complete and readable up to this point even if the
    /// process is killed before ``close()``. It does not `fsync`.
    public func flush() throws {
        HDF5Call.prepare()
        try HDF5Call.check(
            H5Fflush(try validID(), H5F_SCOPE_GLOBAL), .flush, path: path,
            "cannot flush HDF5 file '\(path)' (disk full or file removed?)")
    }

    /// Closes the file handle.
    ///
    /// Every file uses HDF5's strong close degree: closing it closes every group and dataset
    /// still open from it, so when `close()` returns HDF5 has written and released the file,
    /// and a rename or an exit that follows cannot leave it half-closed (the handles' later
    /// deinit is a no-op). Those handles fail with an HDF5 error if used after the close.
    public func close() throws {
        guard id >= 0 else { return }
        HDF5Call.prepare()
        let status = H5Fclose(id)
        id = -1
        try HDF5Call.check(status, .fileClose, path: path, "cannot close HDF5 file '\(path)'")
    }
}

/// One attempt at opening a file: its identifier, or the HDF5 error stack of the failure.
private func openOnce(_ path: String, mode: HDF5File.OpenMode) -> Result<hid_t, OpenFailure> {
    let fapl = H5Pcreate(chdf5_p_file_access())
    // Runs after the error stack below is taken: any successful HDF5 call clears it.
    defer { HDF5Call.closeQuietly(fapl, H5Pclose) }
    // One close degree for every open: HDF5 refuses a second open of a file with another.
    _ = H5Pset_fclose_degree(fapl, H5F_CLOSE_STRONG)
    let flags = mode == .readOnly ? chdf5_acc_rdonly() : chdf5_acc_rdwr()
    var id = H5Fopen(path, flags, fapl)
    if id < 0 && mode == .readOnly {
        // A single-writer file whose writer was killed still carries its "open for
        // writing" mark; reading it as a SWMR reader ignores the mark and sees
        // everything up to the writer's last flush.
        _ = HDF5Call.takeErrorStack()
        id = H5Fopen(path, chdf5_acc_rdonly() | chdf5_acc_swmr_read(), fapl)
    }
    return id >= 0 ? .success(id) : .failure(OpenFailure(stack: HDF5Call.takeErrorStack()))
}

/// The HDF5 error stack of a failed open.
private struct OpenFailure: Error {
    let stack: String
}

/// Keeps an HDF5 file's descriptor (and its lock) out of child processes.
///
/// HDF5 opens files without `O_CLOEXEC`, so a process started while a file is open (a
/// `twinlab` subprocess, a test helper) inherits the descriptor and, with it, HDF5's
/// `flock`: the file then stays locked until that child exits, and opening it again fails.
private func markCloseOnExec(_ id: hid_t) {
    var handle: UnsafeMutableRawPointer?
    guard H5Fget_vfd_handle(id, chdf5_p_default(), &handle) >= 0, let handle else {
        _ = HDF5Call.takeErrorStack()
        return
    }
    let fd = handle.load(as: Int32.self)
    _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC)
}
