import CHDF5

/// An open group or dataset inside an HDF5 file; closes itself when the last reference goes away.
///
/// What ``HDF5Group`` and ``HDF5Dataset`` share: the identifier, the file it keeps alive (so
/// the identifier stays valid), and closing it — now with `close()` or at deinit — with the
/// HDF5 call that matches its kind. A class because the identifier is a resource with an
/// owner; like its file, use it from one thread at a time.
public class HDF5Handle: HDF5Object {
    public let file: HDF5File
    public let objectPath: String
    private var id: hid_t
    /// "group" or "dataset", for messages.
    private let kind: String
    private let closeID: (hid_t) -> herr_t

    init(id: hid_t, file: HDF5File, objectPath: String, kind: String, close: @escaping (hid_t) -> herr_t) {
        self.id = id
        self.file = file
        self.objectPath = objectPath
        self.kind = kind
        self.closeID = close
    }

    deinit {
        HDF5Call.prepare()
        HDF5Call.closeQuietly(id, closeID)
    }

    public func validID() throws -> hid_t {
        guard id >= 0 else {
            throw HDF5Error(code: .closed, message: "HDF5 \(kind) \(displayName) is already closed", path: file.path)
        }
        return id
    }

    /// Closes the handle now instead of at deinit.
    public func close() throws {
        guard id >= 0 else { return }
        HDF5Call.prepare()
        let status = closeID(id)
        id = -1
        try HDF5Call.check(status, .fileClose, path: file.path, "cannot close HDF5 \(kind) \(displayName)")
    }
}
