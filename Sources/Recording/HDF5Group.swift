import CHDF5

/// An open group inside an HDF5 file; closes itself when the last reference goes away.
///
/// Like its file, a group must be used from one thread at a time.
public final class HDF5Group: HDF5Handle, HDF5Container {
    init(id: hid_t, file: HDF5File, objectPath: String) {
        super.init(id: id, file: file, objectPath: objectPath, kind: "group", close: { H5Gclose($0) })
    }
}
