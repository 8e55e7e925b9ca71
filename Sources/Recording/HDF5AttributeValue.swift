/// The value of an HDF5 attribute, in the shapes TwinLab writes and reads.
///
/// Scalars and 1-D arrays are distinct: a 1-element array reads back as an array. Empty arrays
/// are stored with a null dataspace (h5py shows them as `h5py.Empty`).
public enum HDF5AttributeValue: Sendable, Equatable {
    case string(String)
    case strings([String])
    case int64(Int64)
    case int64s([Int64])
    case double(Double)
    case doubles([Double])

    /// A short name of the case, for type-mismatch messages.
    var typeName: String {
        switch self {
        case .string: "string"
        case .strings: "string array"
        case .int64: "int64"
        case .int64s: "int64 array"
        case .double: "float64"
        case .doubles: "float64 array"
        }
    }
}
