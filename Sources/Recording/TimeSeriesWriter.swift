/// Appends rows to an extendible, chunked 2-D float64 dataset (rows × columns).
///
/// Column names and units are stored as string-array attributes `columns` and `units` on the
/// dataset, so h5py/pandas users get `pd.DataFrame(ds[...], columns=ds.attrs["columns"])`.
/// Rows are buffered and written a whole chunk at a time. Call ``flush()`` at deterministic
/// points (every N rows, at run milestones) when a killed process must leave a readable file,
/// and ``close()`` at the end; a writer dropped without `close()` writes its buffer in `deinit`
/// on a best-effort basis, silently dropping errors.
///
/// Use from one thread at a time, like the ``HDF5File`` it writes to.
public final class TimeSeriesWriter {
    /// The column names, in storage order.
    public let columns: [String]
    /// One unit string per column (e.g. `s`, `degC`, `kW`; empty for dimensionless).
    public let units: [String]
    /// The dataset being written, for adding attributes such as an entity id.
    public var dataset: HDF5Dataset { appender.dataset }
    private let appender: ChunkedAppender<Double>

    /// Rows appended so far, written or buffered.
    public var rowCount: Int { appender.rowCount }

    /// Creates the dataset `name` under `parent`; prefer ``HDF5Container/createTimeSeries(_:columns:units:options:)``.
    ///
    /// - Throws: ``HDF5Error`` `.invalidArgument` when there are no columns or the unit count
    ///   differs from the column count; `.datasetCreate` when HDF5 refuses the dataset.
    public init(
        parent: some HDF5Container, name: String, columns: [String], units: [String],
        options: HDF5StorageOptions = HDF5StorageOptions()
    ) throws {
        let path = HDF5Call.join(parent.objectPath, name)
        let what = "time series '\(parent.filePath):\(path)'"
        guard !columns.isEmpty else {
            throw HDF5Error(code: .invalidArgument, message: "cannot create \(what): no columns given", path: parent.filePath)
        }
        guard units.count == columns.count else {
            throw HDF5Error(
                code: .invalidArgument,
                message: "cannot create \(what): \(columns.count) columns but \(units.count) units; give one unit per column "
                    + "(empty string for dimensionless)",
                path: parent.filePath)
        }
        self.columns = columns
        self.units = units
        appender = try ChunkedAppender(parent: parent, name: name, width: columns.count, options: options, what: what)
        try appender.dataset.setAttribute("columns", columns)
        try appender.dataset.setAttribute("units", units)
    }

    /// Appends one row; it must have exactly one value per column.
    public func append(_ row: [Double]) throws {
        try requireWidth(row.count, rows: 1)
        try appender.append(contentsOf: row)
    }

    /// Appends one row from a buffer, avoiding an array allocation per row in hot loops.
    public func append(row: UnsafeBufferPointer<Double>) throws {
        try requireWidth(row.count, rows: 1)
        try appender.append(contentsOf: row)
    }

    /// Appends several rows given row-major in one flat array.
    public func append(flatRows values: [Double]) throws {
        guard values.count % columns.count == 0 else {
            throw widthError(values.count, rows: nil)
        }
        try appender.append(contentsOf: values)
    }

    /// Writes buffered rows and flushes the file, so the data so far survives a killed process.
    public func flush() throws { try appender.flush() }

    /// Writes buffered rows and closes the dataset; later appends throw `.closed`.
    public func close() throws { try appender.close() }

    private func requireWidth(_ count: Int, rows: Int) throws {
        if count != columns.count { throw widthError(count, rows: rows) }
    }

    private func widthError(_ count: Int, rows: Int?) -> HDF5Error {
        let expected = rows == nil ? "a multiple of \(columns.count)" : "\(columns.count)"
        return HDF5Error(
            code: .invalidArgument,
            message: "cannot append to \(dataset.displayName): got \(count) values, expected \(expected) "
                + "(columns \(columns.joined(separator: ", ")))",
            path: dataset.filePath)
    }
}
