/// One CSV field, quoted as RFC 4180 asks: in double quotes when it holds a comma, a quote or
/// a line break, with inner quotes doubled.
public enum CSVField {
    public static func quote(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
