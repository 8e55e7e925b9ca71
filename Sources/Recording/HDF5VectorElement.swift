/// The element types TwinLab's appendable datasets can hold.
public enum HDF5ElementKind: String, Sendable, Equatable {
    /// Little-endian int64 in the file.
    case int64
    /// Little-endian IEEE float64 in the file.
    case double
    /// Variable-length UTF-8 strings in the file.
    case string
}

/// A Swift type that maps to one HDF5 element type (`Int64`, `Double`, `String`).
///
/// The set is closed on purpose: the writers switch over ``HDF5ElementKind``.
public protocol HDF5VectorElement: Sendable {
    /// The HDF5 element type this Swift type is stored as.
    static var hdf5ElementKind: HDF5ElementKind { get }
}

extension Int64: HDF5VectorElement {
    public static var hdf5ElementKind: HDF5ElementKind { .int64 }
}

extension Double: HDF5VectorElement {
    public static var hdf5ElementKind: HDF5ElementKind { .double }
}

extension String: HDF5VectorElement {
    public static var hdf5ElementKind: HDF5ElementKind { .string }
}

extension HDF5ElementKind {
    /// Bytes per element in memory (a pointer for strings), used for chunk-size checks.
    var memoryBytes: Int {
        switch self {
        case .int64, .double: 8
        case .string: MemoryLayout<UnsafePointer<CChar>>.size
        }
    }
}
