import Control
import Scenario

/// The detectors' verdicts on every monitored unit at every detection sample, kept until the
/// run ends and they are scored against the ground truth (`DetectionLog.score`).
final class DetectionLog {
    let spec: DetectionSpec
    /// Names of the monitored signals, for the table's `signals` attribute.
    let signals: [String]
    // A run is single-threaded: stored properties skip the dynamic exclusivity checks,
    // which cost more than the work they guard (docs/kernel.md).
    @exclusivity(unchecked) private var banks: [DetectorBank]
    /// Per unit: sample times, s.
    @exclusivity(unchecked) private(set) var times: [[Double]]
    /// Per unit and detector: score (threshold = 1) and alarm per sample.
    @exclusivity(unchecked) private(set) var scores: [[[Double]]]
    @exclusivity(unchecked) private(set) var alarms: [[[Bool]]]
    @exclusivity(unchecked) private var scoreBuffer = [Double](repeating: 0, count: DetectorBank.detectorCount)
    @exclusivity(unchecked) private var alarmBuffer = [Bool](repeating: false, count: DetectorBank.detectorCount)

    /// - Parameters:
    ///   - units: number of monitored units.
    ///   - floors: each signal's smallest σ, signal unit.
    init(spec: DetectionSpec, units: Int, signals: [String], floors: [Double]) throws {
        self.spec = spec
        self.signals = signals
        let bank = try DetectorBank(spec: spec, floors: floors)
        banks = Array(repeating: bank, count: units)
        times = Array(repeating: [], count: units)
        scores = Array(repeating: Array(repeating: [], count: DetectorBank.detectorCount), count: units)
        alarms = Array(repeating: Array(repeating: [], count: DetectorBank.detectorCount), count: units)
    }

    /// Feeds unit `unit`'s signals at `seconds` (strictly after its previous sample).
    func add(unit: Int, seconds: Double, values: [Double]) {
        banks[unit].update(values, scores: &scoreBuffer, alarms: &alarmBuffer)
        times[unit].append(seconds)
        for d in 0..<DetectorBank.detectorCount {
            scores[unit][d].append(scoreBuffer[d])
            alarms[unit][d].append(alarmBuffer[d])
        }
    }

    /// Restarts a unit's detectors, warm-up included (after maintenance).
    func restart(unit: Int) { banks[unit].restart() }
}
