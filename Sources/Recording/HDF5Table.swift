/// A 2-D float64 table read back from a file: values row-major, with column names and units.
public struct HDF5Table: Sendable, Equatable {
    /// Column names from the `columns` attribute (`column0`, `column1`, … when it is absent).
    public var columns: [String]
    /// Units from the `units` attribute (empty strings when it is absent).
    public var units: [String]
    /// Number of rows.
    public var rowCount: Int
    /// All values, row after row.
    public var values: [Double]

    public init(columns: [String], units: [String], rowCount: Int, values: [Double]) {
        self.columns = columns
        self.units = units
        self.rowCount = rowCount
        self.values = values
    }

    /// The value at a row and column index.
    public subscript(row: Int, column: Int) -> Double {
        values[row * columns.count + column]
    }

    /// One row's values.
    public func row(_ index: Int) -> ArraySlice<Double> {
        values[(index * columns.count)..<((index + 1) * columns.count)]
    }

    /// A column's values by name, or nil when there is no such column.
    public func column(_ name: String) -> [Double]? {
        guard let column = columns.firstIndex(of: name) else { return nil }
        return (0..<rowCount).map { self[$0, column] }
    }
}
