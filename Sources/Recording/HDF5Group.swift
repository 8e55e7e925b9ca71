import CHDF5

/// An open group inside an HDF5 file; closes itself when the last reference goes away.
///
/// Like its file, a group must be used from one thread at a time.
public final class HDF5Group: HDF5Container {
    public let file: HDF5File
    public let objectPath: String
    private var id: hid_t

    init(id: hid_t, file: HDF5File, objectPath: String) {
        self.id = id
        self.file = file
        self.objectPath = objectPath
    }

    deinit {
        HDF5Call.prepare()
        HDF5Call.closeQuietly(id, H5Gclose)
    }

    public func validID() throws -> hid_t {
        guard id >= 0 else {
            throw HDF5Error(code: .closed, message: "HDF5 group \(displayName) is already closed", path: file.path)
        }
        return id
    }

    /// Closes the group handle now instead of at deinit.
    public func close() throws {
        guard id >= 0 else { return }
        HDF5Call.prepare()
        let status = H5Gclose(id)
        id = -1
        try HDF5Call.check(status, .fileClose, path: file.path, "cannot close HDF5 group \(displayName)")
    }
}
