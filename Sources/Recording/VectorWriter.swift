/// Appends values to an extendible, chunked 1-D dataset of `Int64`, `Double` or `String`.
///
/// Meant for event logs stored as parallel columns (`/events/time_ticks`, `/events/kind`,
/// `/events/entity`), which h5py and pandas read without compound-type gymnastics. Buffering,
/// flushing and closing behave as in ``TimeSeriesWriter``.
public final class VectorWriter<Element: HDF5VectorElement> {
    private let appender: ChunkedAppender<Element>

    /// The dataset being written, for adding attributes such as a unit.
    public var dataset: HDF5Dataset { appender.dataset }
    /// Values appended so far, written or buffered.
    public var count: Int { appender.rowCount }

    /// Creates the dataset `name` under `parent`; prefer ``HDF5Container/createVector(_:of:options:)``.
    public init(parent: some HDF5Container, name: String, options: HDF5StorageOptions = HDF5StorageOptions()) throws {
        let what = "\(Element.hdf5ElementKind.rawValue) vector '\(parent.filePath):\(HDF5Call.join(parent.objectPath, name))'"
        appender = try ChunkedAppender(parent: parent, name: name, width: nil, options: options, what: what)
    }

    /// Appends one value.
    public func append(_ value: Element) throws { try appender.append(contentsOf: CollectionOfOne(value)) }

    /// Appends several values in order.
    public func append(contentsOf values: some Collection<Element>) throws { try appender.append(contentsOf: values) }

    /// Writes buffered values and flushes the file.
    public func flush() throws { try appender.flush() }

    /// Writes buffered values and closes the dataset.
    public func close() throws { try appender.close() }
}
