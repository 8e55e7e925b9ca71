import Recording

/// Signal-by-signal comparison of two run files, for regression checks.
///
/// Two values agree when |a − b| ≤ absolute + relative · max(|a|, |b|);
/// NaN agrees only with NaN, an infinity only with the same infinity. Structure (tables, columns, row counts) must match exactly. What the runs were
/// made from (scenario hash, seed, horizon, TwinLab version, the calibration sets each file
/// stores) is compared from the files themselves and reported, without deciding the verdict:
/// the verdict is about the recorded data.
public struct RunDiff: Sendable {
    /// How far two values may differ and still count as equal.
    public struct Tolerance: Sendable {
        public var absolute: Double
        public var relative: Double
        public init(absolute: Double = 0, relative: Double = 0) {
            self.absolute = absolute
            self.relative = relative
        }

        func accepts(_ a: Double, _ b: Double) -> Bool {
            if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
            // An unlimited CO₂ tank records inf: equal infinities agree (their difference is NaN),
            // and no relative tolerance (· ∞) may let a finite value match one.
            if a.isInfinite || b.isInfinite { return a == b }
            return abs(a - b) <= absolute + relative * max(abs(a), abs(b))
        }
    }

    /// One signal (table column or KPI) that differs beyond the tolerance.
    public struct Difference: Sendable, Equatable {
        /// `table.column` or `kpis.name`.
        public var signal: String
        /// Rows that differ (1 for a KPI).
        public var count: Int
        /// First differing row and the two values there.
        public var firstRow: Int
        public var a: Double
        public var b: Double
        /// Largest absolute difference over the signal.
        public var maxAbsoluteDifference: Double
    }

    public var fingerprints: (a: String, b: String)
    /// How the two runs' provenance differs, one sentence each (empty: same scenario, calibration,
    /// seed, horizon and version, or files that do not say).
    public var provenance: [String] = []
    /// Differences in layout: missing tables or columns, different row counts.
    public var structural: [String] = []
    public var differences: [Difference] = []

    public var isEqual: Bool { structural.isEmpty && differences.isEmpty }

    /// Compares the runs at `pathA` and `pathB`.
    ///
    /// Both files are verified first (``RunFileVerifier``; killed runs' partial files are
    /// accepted, their datasets checksum-checked): a changed file is an error, never a difference.
    /// - Throws: ``RunFileIntegrityError`` when a file is missing, foreign or not intact.
    public static func compare(_ pathA: String, _ pathB: String, tolerance: Tolerance = Tolerance()) throws -> RunDiff {
        let a = try RunFileReader(verifying: pathA, allowIncomplete: true)
        let b = try RunFileReader(verifying: pathB, allowIncomplete: true)
        var diff = RunDiff(fingerprints: (a.attribute("fingerprint"), b.attribute("fingerprint")))
        diff.provenance = compare(try RunProvenance(reader: a), try RunProvenance(reader: b))
        let tablesA = try a.tablePaths(), tablesB = try b.tablePaths()
        for name in tablesA where !tablesB.contains(name) {
            diff.structural.append("table '\(RunFileReader.displayName(of: name))' only in the first run")
        }
        for name in tablesB where !tablesA.contains(name) {
            diff.structural.append("table '\(RunFileReader.displayName(of: name))' only in the second run")
        }
        for name in tablesA where tablesB.contains(name) {
            diff.compare(table: RunFileReader.displayName(of: name), try a.table(name), try b.table(name), tolerance)
        }
        let kpisB = try b.kpis()
        for (name, value) in try a.kpis() {
            guard let other = kpisB.first(where: { $0.name == name }) else {
                diff.structural.append("KPI '\(name)' only in the first run")
                continue
            }
            if !tolerance.accepts(value, other.value) {
                diff.differences.append(Difference(signal: "kpis.\(name)", count: 1, firstRow: 0, a: value, b: other.value,
                                                   maxAbsoluteDifference: abs(value - other.value)))
            }
        }
        let kpisA = try a.kpis()
        for (name, _) in kpisB where !kpisA.contains(where: { $0.name == name }) {
            diff.structural.append("KPI '\(name)' only in the second run")
        }
        return diff
    }

    /// The provenance differences of two runs, as sentences.
    private static func compare(_ a: RunProvenance, _ b: RunProvenance) -> [String] {
        var lines: [String] = []
        func differ(_ what: String, _ x: String, _ y: String) {
            if x != y { lines.append("\(what) \(x.isEmpty ? "(none)" : x) vs \(y.isEmpty ? "(none)" : y)") }
        }
        differ("scenario", a.scenarioID, b.scenarioID)
        differ("scenario hash", a.scenarioHash, b.scenarioHash)
        differ("seed", String(a.seed), String(b.seed))
        if !(a.horizonHours.isNaN && b.horizonHours.isNaN) {
            differ("horizon h", KPIReport.format(a.horizonHours), KPIReport.format(b.horizonHours))
        }
        differ("TwinLab", a.twinlabVersion, b.twinlabVersion)
        if a.storesCalibration != b.storesCalibration {
            lines.append("calibration stored only in the \(a.storesCalibration ? "first" : "second") run")
        } else {
            let setsA = Dictionary(a.calibration.map { ($0.name, $0.sha256) }) { first, _ in first }
            let setsB = Dictionary(b.calibration.map { ($0.name, $0.sha256) }) { first, _ in first }
            for name in Set(setsA.keys).union(setsB.keys).sorted() where setsA[name] != setsB[name] {
                differ("calibration set '\(name)' sha256", String((setsA[name] ?? "").prefix(16)),
                       String((setsB[name] ?? "").prefix(16)))
            }
        }
        return lines
    }

    private mutating func compare(table name: String, _ a: HDF5Table, _ b: HDF5Table, _ tolerance: Tolerance) {
        if a.rowCount != b.rowCount {
            structural.append("table '\(name)' has \(a.rowCount) rows in the first run, \(b.rowCount) in the second")
        }
        let rows = min(a.rowCount, b.rowCount)
        for (index, column) in a.columns.enumerated() {
            guard let other = b.columns.firstIndex(of: column) else {
                structural.append("column '\(name).\(column)' only in the first run")
                continue
            }
            var found: Difference?
            for row in 0..<rows {
                let x = a[row, index], y = b[row, other]
                guard !tolerance.accepts(x, y) else { continue }
                let delta = abs(x - y)
                if found == nil {
                    found = Difference(signal: "\(name).\(column)", count: 0, firstRow: row, a: x, b: y,
                                       maxAbsoluteDifference: 0)
                }
                found!.count += 1
                found!.maxAbsoluteDifference = max(found!.maxAbsoluteDifference, delta.isNaN ? .infinity : delta)
            }
            if let found { differences.append(found) }
        }
        for column in b.columns where !a.columns.contains(column) {
            structural.append("column '\(name).\(column)' only in the second run")
        }
    }

    /// A readable report: the verdict, then one line per structural difference and a table of signals.
    public func report() -> String {
        var lines = [isEqual ? "runs agree" : "runs differ",
                     "fingerprints: \(fingerprints.a) vs \(fingerprints.b)"]
        lines += provenance.map { "provenance: \($0)" }
        lines += structural.map { "structure: \($0)" }
        if !differences.isEmpty {
            var table = TextTable(headers: ["signal", "rows differing", "first row", "first", "second", "max |Δ|"],
                                  alignments: [.left, .right, .right, .right, .right, .right])
            for d in differences {
                table.add([d.signal, String(d.count), String(d.firstRow), KPIReport.format(d.a), KPIReport.format(d.b),
                           KPIReport.format(d.maxAbsoluteDifference)])
            }
            lines.append(table.render())
        }
        return lines.joined(separator: "\n")
    }
}
