import Recording

/// A run's `events` dataset whose rows wait in memory and reach the file only at the run's
/// flush points: between flushes the file's metadata never changes, so a killed run leaves the
/// state of the last flush. Without a writer (an in-memory run) nothing is kept.
final class HeldEventLog {
    private let writer: TimeSeriesWriter?
    // A run is single-threaded: stored properties skip the dynamic exclusivity checks,
    // which cost more than the work they guard (docs/kernel.md).
    @exclusivity(unchecked) private var pending: [Double] = []

    init(writer: TimeSeriesWriter?) {
        self.writer = writer
    }

    /// Holds one row `time, entity, kind, value`.
    func append(_ time: Double, _ entity: Int, _ kind: Int, _ value: Double) {
        guard writer != nil else { return }
        pending.append(time)
        pending.append(Double(entity))
        pending.append(Double(kind))
        pending.append(value)
    }

    /// Holds one row `time, entity, kind` of a log without a value column.
    func append(_ time: Double, _ entity: Int, _ kind: Int) {
        guard writer != nil else { return }
        pending.append(time)
        pending.append(Double(entity))
        pending.append(Double(kind))
    }

    /// Writes the held rows and flushes the dataset.
    func flush() throws {
        guard let writer else { return }
        try writer.append(flatRows: pending)
        pending.removeAll(keepingCapacity: true)
        try writer.flush()
    }

    /// Writes the held rows and closes the dataset.
    func close() throws {
        guard let writer else { return }
        try writer.append(flatRows: pending)
        pending.removeAll()
        try writer.close()
    }
}
