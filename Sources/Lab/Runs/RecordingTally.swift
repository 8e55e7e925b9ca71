import SimKernel

/// What a run's recording closures keep between samples: the fingerprint of everything
/// recorded, a row buffer reused for every row, and the number of rows written.
///
/// A class rather than `var`s captured by the closures: a captured variable lives in a heap
/// box, and every access to a box is checked for exclusivity at run time, several checks per
/// recorded value. A run is single-threaded, so these properties skip the checks.
final class RecordingTally {
    @exclusivity(unchecked) var fingerprint = RunFingerprint()
    @exclusivity(unchecked) var row: [Double] = []
    @exclusivity(unchecked) var rows = 0

    /// Empties the row buffer (keeping its storage) and puts `hours` in its first column.
    func startRow(atHours hours: Double) {
        row.removeAll(keepingCapacity: true)
        row.append(hours)
    }

    /// Adds every value of the row buffer to the fingerprint.
    func combineRow() {
        for value in row { fingerprint.combine(value) }
    }
}
