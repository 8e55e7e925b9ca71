/// The one rule for every id a scenario gives that names a file or an HDF5 object: the
/// scenario `id`, room ids, room machine ids, rule ids and fleet machine ids (`id_prefix` plus
/// `-<n>`).
///
/// `^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`: 1–64 ASCII letters, digits, '.', '_' or '-', starting
/// with a letter or digit. So no id can hold a '/' (an HDF5 path separator: `/abs` would
/// escape `/timeseries/rooms`), be `.` or `..`, hold a newline or other control character (a
/// trailing newline would end up in the run file's name), or make a file name longer than
/// file systems allow (255 bytes: the run file name adds at most ~60 to the scenario id).
/// Documented in docs/scenario-format.md ("Ids").
public enum EntityID {
    /// Longest id, characters.
    public static let maximumLength = 64

    /// The rule in words, for messages.
    public static let rule = "1 to \(maximumLength) letters, digits, '.', '_' or '-', starting with a letter or digit"

    /// Whether `id` follows the rule. Checked byte by byte (no regular expression: a `$`
    /// anchor would accept a trailing newline, and 10⁵ room ids must check in milliseconds).
    public static func isValid(_ id: String) -> Bool {
        let bytes = id.utf8
        guard let first = bytes.first, bytes.count <= maximumLength, isAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_")
            || $0 == UInt8(ascii: "-") }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

extension FieldReader {
    /// Reports `key` unless `id` follows ``EntityID``'s rule; `names` says what the id names.
    func checkID(_ key: String, _ id: String, names: String) {
        guard schema == nil, !id.isEmpty, !EntityID.isValid(id) else { return }
        report(key, expected: "an id of \(EntityID.rule) (it names \(names))")
    }
}
