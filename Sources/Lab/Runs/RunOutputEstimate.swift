import Foundation
import Scenario
import Recording

/// How large a scenario's run file will be, estimated before anything runs, so `validate` can
/// say it and `validate` and `run` can refuse a file past a limit (docs/scenario-format.md, "Limits").
///
/// The time series dominate: each recorded series (one per room, room machine or fleet machine,
/// plus the facility's and the plant's) holds one row per sample — at 0 and every recording
/// interval up to the horizon — of 8-byte values, stored in whole chunks of
/// ``chunkRows(forRows:)`` rows. Events are a rough allowance of 4 a day per room or machine
/// (lights on and off, stage changes, failures and repairs), 4 values each. HDF5 headers and
/// attributes add about 5 kB a series, and tables (KPIs, labels, decisions) with the stored
/// scenario about 1.25 MB (measured: a 1-room, 336 h run is 1.69 MB, 1000 rooms for 1 h
/// 6.49 MB). Compression (`recording.compression_level`) can only make the file smaller, so
/// the estimate is the uncompressed size.
public struct RunOutputEstimate: Sendable, Equatable, CustomStringConvertible {
    /// The limit `validate` and `run` apply unless given another (`--max-output-size`): 2 GB.
    public static let defaultLimitBytes = 2_000_000_000.0
    /// Rows of the largest chunk (and the writers' buffer), as `HDF5StorageOptions` recommends.
    public static let maximumChunkRows = 4096
    /// HDF5 object header and attributes of one series, bytes.
    static let bytesPerSeriesHeader = 5_000.0
    /// Tables, KPIs, the stored scenario and the file's own metadata, bytes.
    static let fixedBytes = 1_250_000.0

    /// Recorded time series (datasets).
    public var series: Int
    /// The kind of series that holds most values, e.g. `rooms`, and how many of them.
    public var largestKind: String
    public var largestCount: Int
    /// Values per row of that kind of series (time included).
    public var columns: Int
    /// Samples per series.
    public var rows: Int
    /// Estimated bytes of the whole file.
    public var bytes: Double

    /// The estimate for `scenario` run up to `horizonHours` (default: its own horizon).
    public init(scenario: Scenario, horizonHours: Double? = nil) {
        let hours = min(horizonHours ?? scenario.horizonHours, scenario.horizonHours)
        rows = Self.rows(horizonHours: hours, intervalMinutes: scenario.recordingIntervalMinutes)
        let chunk = Self.chunkRows(forRows: rows)
        let storedRows = Double((rows + chunk - 1) / chunk * chunk)
        let channels = scenario.recordedChannels?.count ?? scenario.model.channels.count
        // (series, columns each) for every kind of series the run records, largest first.
        var kinds: [(count: Int, columns: Int, name: String)]
        var eventSources: Int
        switch scenario.model {
        case .facility(let facility):
            kinds = [(facility.rooms.count, 1 + channels, "rooms"), (1, FacilityWorld.facilityColumns.count, "facility"),
                     (facility.machines.count, RoomMachineRecorder.columnCount, "room machines")]
            if facility.processing != nil { kinds.append((1, 1 + ProcessingSpec.channels.count, "processing")) }
            eventSources = facility.rooms.count + facility.machines.count
        case .fleet(let fleet):
            let machines = fleet.machines.reduce(0) { $0 + $1.count }
            kinds = [(machines, 1 + channels, "fleet machines")]
            eventSources = machines
        case .processing:
            kinds = [(1, 1 + channels, "processing")]
            eventSources = 1
        case .machineShop(let shop):
            kinds = [(1, 1 + channels, "machine shop")]
            eventSources = shop.machines
        }
        let seriesBytes = kinds.reduce(0.0) {
            $0 + Double($1.count) * (Double($1.columns) * storedRows * 8 + Self.bytesPerSeriesHeader)
        }
        let eventBytes = Double(eventSources) * 4 * (hours / 24) * 4 * 8
        bytes = seriesBytes + eventBytes + Self.fixedBytes
        let largest = kinds.max { Double($0.count * $0.columns) < Double($1.count * $1.columns) } ?? (1, 1, "series")
        series = kinds.reduce(0) { $0 + $1.count }
        largestKind = largest.name
        largestCount = largest.count
        columns = largest.columns
    }

    /// Samples of a series over `horizonHours`: one at 0 and one every interval up to the horizon.
    public static func rows(horizonHours: Double, intervalMinutes: Double) -> Int {
        let samples = (horizonHours * 60 / intervalMinutes).rounded(.down)
        return samples >= Double(Int.max - 1) ? Int.max - 1 : Int(samples) + 1
    }

    /// Rows per chunk for a series of `rows` rows: 4096 (256 KiB–1 MiB chunks), or fewer for a
    /// shorter series, whose chunk would otherwise be mostly empty (10⁴ rooms run for 1 h once
    /// wrote 11.5 GB of empty chunk space).
    public static func chunkRows(forRows rows: Int) -> Int {
        max(1, min(maximumChunkRows, rows))
    }

    /// How a run of `scenario` up to `horizonHours` stores its series: chunks sized to the
    /// run's sample count, deflate at the scenario's level. Chunking changes the file layout
    /// only; values, and so fingerprints, stay the same.
    static func storage(for scenario: Scenario, horizonHours: Double) -> HDF5StorageOptions {
        HDF5StorageOptions(
            chunkRows: chunkRows(forRows: rows(horizonHours: horizonHours, intervalMinutes: scenario.recordingIntervalMinutes)),
            deflateLevel: scenario.compressionLevel == 0 ? nil : scenario.compressionLevel)
    }

    /// E.g. "about 57.0 MB (10000 rooms × 35 values × 2 samples × 8 bytes, plus 1 other series, events and tables)".
    public var description: String {
        let others = series - largestCount
        return "about \(Self.format(bytes)) (\(largestCount) \(largestKind) × \(columns) values × \(rows) samples × 8 bytes, "
            + (others > 0 ? "plus \(others) other series, events and tables)" : "plus events and tables)")
    }

    /// Throws when the estimate is past `limitBytes`.
    /// - Throws: ``RunOutputTooLarge`` naming the estimate, the limit and what drives the size.
    public func check(limitBytes: Double) throws(RunOutputTooLarge) {
        if bytes > limitBytes { throw RunOutputTooLarge(estimate: self, limitBytes: limitBytes) }
    }

    /// Bytes in SI units with three significant digits: 950 B, 1.15 MB, 11.5 GB.
    public static func format(_ bytes: Double) -> String {
        let units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"]
        var value = bytes
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        if unit == 0 { return "\(Int(value)) B" }
        return String(format: value >= 100 ? "%.0f %@" : value >= 10 ? "%.1f %@" : "%.2f %@", value, units[unit])
    }
}

/// A run whose estimated file is larger than the limit `validate` and `run` apply.
public struct RunOutputTooLarge: Error, Sendable, CustomStringConvertible {
    public var estimate: RunOutputEstimate
    public var limitBytes: Double

    public var description: String {
        "the run file would be \(estimate), more than the limit of \(RunOutputEstimate.format(limitBytes)); "
            + "record fewer series, fewer channels (recording.channels) or fewer samples (a longer "
            + "recording.interval_minutes, a shorter horizon or --until), or raise the limit with --max-output-size"
    }
}
