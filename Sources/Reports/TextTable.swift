/// A plain-text table with aligned columns, for terminals and logs.
public struct TextTable: Sendable, Equatable {
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public private(set) var rows: [[String]] = []

    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? headers.map { _ in .left }
    }

    /// Adds a row; missing cells are blank, extra cells are an error in the caller.
    public mutating func add(_ cells: [String]) {
        precondition(cells.count <= headers.count, "row has \(cells.count) cells for \(headers.count) columns")
        rows.append(cells + Array(repeating: "", count: headers.count - cells.count))
    }

    /// The table with a header rule, two spaces between columns, no trailing spaces.
    public func render() -> String {
        let widths = headers.indices.map { c in ([headers[c]] + rows.map { $0[c] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - cells[c].count)
                return alignments[c] == .right ? pad + cells[c] : cells[c] + pad
            }.joined(separator: "  ").replacing(/\s+$/, with: "")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
    }
}
