import CRawHDF5
import Foundation
import Recording
import SimKernel

/// A year of an 8-room facility at a 5-minute recording interval, written by TwinLab's
/// recorder and by plain C HDF5 calls: rows/s and MB/s of each, and their ratio.
///
/// Each room is one table of 105,120 rows (365 d × 288) × 17 columns (time + 16 channels,
/// the width of a room's climate, lighting, HVAC and energy signals), float64, chunks of
/// 4,096 rows, no compression — the run-file defaults. The data (a seeded random walk) is
/// generated before timing; both writers get the same block.
enum RecorderBenchmark {
    static let rooms = 8
    static let rows = 365 * 288
    static let columns = 17

    static func run(_ args: Arguments) throws -> JSONValue {
        var rng = RandomStream(seed: args.seed)
        var block = [Double](repeating: 0, count: rows * columns)
        var level = [Double](repeating: 20, count: columns)
        for row in 0..<rows {
            block[row * columns] = Double(row) * 5 / 60
            for c in 1..<columns {
                level[c] += rng.uniform() - 0.5
                block[row * columns + c] = level[c]
            }
        }
        let directory = NSTemporaryDirectory() + "twinlab-recorder-bench-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { if ProcessInfo.processInfo.environment["KEEP"] == nil { try? FileManager.default.removeItem(atPath: directory) } }
        let names = ["time"] + (1..<columns).map { "channel\($0)" }
        let units = ["h"] + Array(repeating: "1", count: columns - 1)

        var twinlab: [Double] = [], raw: [Double] = []
        // The two writers alternate which goes first, and each run's files are deleted
        // before the next, so neither always meets the other's dirty pages in the cache.
        for run in 0..<args.runs {
            let path = directory + "/twinlab-\(run).h5"
            let rawPath = directory + "/raw-\(run).h5"
            let writeTwinLab = {
                twinlab.append(try time {
                let file = try HDF5File.create(at: path)
                let group = try file.createGroup("timeseries")
                for room in 0..<rooms {
                    let writer = try group.createTimeSeries("room\(room)", columns: names, units: units)
                    try writer.append(flatRows: block)
                    try writer.close()
                }
                try file.close()
                })
            }
            let writeRaw = {
                raw.append(try time {
                    let status = block.withUnsafeBufferPointer {
                        craw_write_tables(rawPath, Int32(rooms), rows, columns, 4096, $0.baseAddress)
                    }
                    if status != 0 { throw UsageError("the plain-C HDF5 writer failed") }
                })
            }
            if run % 2 == 0 { try writeTwinLab(); try writeRaw() } else { try writeRaw(); try writeTwinLab() }
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: rawPath)
        }
        let totalRows = Double(rooms * rows)
        let megabytes = totalRows * Double(columns) * 8 / 1e6
        let t = median(twinlab), r = median(raw)
        return .object([
            ("benchmark", .string("recorder")),
            ("rooms", .int(rooms)), ("rows_per_room", .int(rows)), ("columns", .int(columns)),
            ("raw_megabytes", .number(megabytes)),
            ("twinlab_median_s", .number(t)), ("c_median_s", .number(r)),
            ("twinlab_rows_per_s", .number(totalRows / t)), ("c_rows_per_s", .number(totalRows / r)),
            ("twinlab_mb_per_s", .number(megabytes / t)), ("c_mb_per_s", .number(megabytes / r)),
            ("twinlab_over_c_time", .number(t / r)),
        ])
    }

    static func time(_ body: () throws -> Void) throws -> Double {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
