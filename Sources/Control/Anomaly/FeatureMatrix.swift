import TwinModels

/// A table of samples × features stored as one flat row-major `[Double]`.
///
/// Row r, column c lives at `values[r * columnCount + c]`. One contiguous buffer (no
/// per-row arrays) keeps a million-row training or scoring set at one allocation and lets
/// the Isolation Forest stream through it block by block.
public struct FeatureMatrix: Sendable, Equatable {
    /// The samples, row-major; every value is finite.
    public let values: [Double]
    /// Features per sample, ≥ 1.
    public let columnCount: Int

    /// Samples in the table.
    public var rowCount: Int { values.count / columnCount }

    /// Wraps `values` as rows of `columnCount` features.
    ///
    /// - Parameters:
    ///   - values: row-major samples, any unit per column; all finite; a whole number of rows.
    ///   - columnCount: features per sample, 1…2³¹ − 1.
    /// - Throws: `ModelInputError` for a non-finite value, a bad column count or a partial row.
    public init(values: [Double], columnCount: Int) throws(ModelInputError) {
        guard columnCount >= 1, columnCount <= Int(Int32.max) else {
            throw ModelInputError(code: .outOfRange, quantity: "feature matrix column count", value: Double(columnCount),
                                  unit: "features", validRange: 1...Double(Int32.max))
        }
        guard values.count % columnCount == 0 else {
            throw ModelInputError(code: .inconsistent, quantity: "feature matrix value count", value: Double(values.count),
                                  unit: "values", message: "\(values.count) values do not make whole rows of \(columnCount) features")
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw ModelInputError(code: .notFinite, quantity: "feature matrix row \(bad / columnCount) column \(bad % columnCount)",
                                  value: values[bad], unit: "")
        }
        self.values = values
        self.columnCount = columnCount
    }

    /// Builds a matrix from per-row arrays (convenient for small tables and tests).
    ///
    /// - Throws: `ModelInputError` when rows differ in length, are empty, or hold a non-finite value.
    public init(rows: [[Double]]) throws(ModelInputError) {
        let width = rows.first?.count ?? 0
        guard rows.allSatisfy({ $0.count == width }) else {
            throw ModelInputError(code: .inconsistent, quantity: "feature matrix row length", value: Double(width),
                                  unit: "features", message: "rows of a feature matrix must all have the same length")
        }
        try self.init(values: rows.flatMap { $0 }, columnCount: max(width, 1))
    }

    /// The value of feature `column` of sample `row`.
    @inlinable public subscript(row: Int, column: Int) -> Double {
        values[row * columnCount + column]
    }
}
