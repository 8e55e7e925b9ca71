import CHDF5

/// Something open inside an HDF5 file that can carry attributes: a file's root group, a group or a dataset.
///
/// Objects are not `Sendable`: HDF5 handles belong to the thread that uses them. Use one
/// ``HDF5File`` and everything opened from it on one thread (or one actor) at a time.
public protocol HDF5Object: AnyObject {
    /// The file this object lives in; children keep it alive so their handles stay valid.
    var file: HDF5File { get }
    /// The object's absolute path inside the file, such as `/runs/run-0001`.
    var objectPath: String { get }
    /// The open HDF5 identifier, for code that calls CHDF5 directly.
    ///
    /// - Throws: ``HDF5Error`` with code `.closed` after the object was closed.
    func validID() throws -> hid_t
}

extension HDF5Object {
    /// The path of the file on disk, used in every error message.
    public var filePath: String { file.path }

    /// Names the object for messages: `'/tmp/run.h5:/runs/trajectory'`.
    var displayName: String { "'\(file.path):\(objectPath)'" }
}

/// An HDF5 object kind as reported by a group listing.
public enum HDF5ObjectKind: String, Sendable, Equatable {
    case group
    case dataset
    /// Named datatypes, dangling soft links and external links.
    case other
}

/// One entry of a group listing: a name and what it points to.
public struct HDF5Link: Sendable, Equatable {
    /// The link name inside its group, or an absolute path when returned by `descendants()`.
    public var name: String
    /// What the link points to.
    public var kind: HDF5ObjectKind

    public init(name: String, kind: HDF5ObjectKind) {
        self.name = name
        self.kind = kind
    }
}
