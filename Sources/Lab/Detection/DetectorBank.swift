import Control
import Scenario

/// The four streaming detectors over every signal of one monitored unit (a room, a machine).
///
/// Each signal is standardised with the mean and σ of its first `warmUpSamples` valid samples
/// (Welford 1962; σ floored at the signal's `floor`, its sensor noise, so a quiet warm-up does
/// not make every later wiggle an alarm), then fed to EWMA, CUSUM, Page–Hinkley and the
/// rolling threshold, all working in σ units (`DetectionSpec`). A sample's score per detector
/// is the largest score/threshold over the unit's signals (≥ 1 means an alarm; 0 while warming
/// up) and its alarm is any signal's alarm. A detector whose alarm has lasted
/// `rearmAfterHours` is reset (reference kept). Non-finite samples are skipped.
struct DetectorBank {
    static let detectorCount = 4

    private let spec: DetectionSpec
    private let floors: [Double]
    private let rearmSamples: Int
    private var count: [Int]
    private var mean: [Double]
    private var m2: [Double]
    private var ewma: [EWMADetector]
    private var cusum: [CUSUMDetector]
    private var pageHinkley: [PageHinkleyDetector]
    private var rolling: [RollingThresholdDetector]
    /// Consecutive alarm samples per detector × signal (row-major, detector first).
    private var alarmRun: [Int]
    private let fresh: (EWMADetector, CUSUMDetector, PageHinkleyDetector, RollingThresholdDetector)

    /// - Parameters:
    ///   - floors: the smallest σ of each signal, signal unit (> 0).
    init(spec: DetectionSpec, floors: [Double]) throws {
        self.spec = spec
        self.floors = floors
        rearmSamples = max(1, Int((spec.rearmAfterHours * 60 / spec.sampleMinutes).rounded()))
        let unit = DetectorBaseline.known(mean: 0, standardDeviation: 1)
        fresh = (try EWMADetector(lambda: spec.ewmaLambda, limitWidth: spec.ewmaLimit, baseline: unit),
                 try CUSUMDetector(k: spec.cusumK, h: spec.cusumH, baseline: unit),
                 try PageHinkleyDetector(delta: spec.pageHinkleyDelta, threshold: spec.pageHinkleyThreshold,
                                         minimumSamples: spec.pageHinkleyMinimumSamples),
                 // A flat window (a stuck sensor) would otherwise score ∞ for any change.
                 try RollingThresholdDetector(window: spec.rollingWindow, k: spec.rollingK, minimumStandardDeviation: 0.25))
        let n = floors.count
        count = Array(repeating: 0, count: n)
        mean = Array(repeating: 0, count: n)
        m2 = Array(repeating: 0, count: n)
        ewma = Array(repeating: fresh.0, count: n)
        cusum = Array(repeating: fresh.1, count: n)
        pageHinkley = Array(repeating: fresh.2, count: n)
        rolling = Array(repeating: fresh.3, count: n)
        alarmRun = Array(repeating: 0, count: Self.detectorCount * n)
    }

    /// Starts over, warm-up included: after maintenance the unit's normal level is a new one.
    mutating func restart() {
        for s in floors.indices {
            count[s] = 0
            mean[s] = 0
            m2[s] = 0
            ewma[s] = fresh.0
            cusum[s] = fresh.1
            pageHinkley[s] = fresh.2
            rolling[s] = fresh.3
        }
        for i in alarmRun.indices { alarmRun[i] = 0 }
    }

    /// Feeds one sample of every signal (`values[s]`, NaN for none) and writes the unit's
    /// score and alarm per detector.
    mutating func update(_ values: [Double], scores: inout [Double], alarms: inout [Bool]) {
        for d in 0..<Self.detectorCount {
            scores[d] = 0
            alarms[d] = false
        }
        let warmUp = spec.warmUpSamples
        for s in floors.indices {
            let x = values[s]
            guard x.isFinite else { continue }
            if count[s] < warmUp {
                count[s] += 1
                let delta = x - mean[s]
                mean[s] += delta / Double(count[s])
                m2[s] += delta * (x - mean[s])
                continue
            }
            let sd = max((m2[s] / Double(warmUp - 1)).squareRoot(), floors[s])
            let y = (x - mean[s]) / sd
            let outputs = (ewma[s].update(y), cusum[s].update(y), pageHinkley[s].update(y), rolling[s].update(y))
            // Tuples, not arrays: no allocation per sample.
            let normalised = (abs(outputs.0.score) / spec.ewmaLimit, outputs.1.score / spec.cusumH,
                              outputs.2.score / spec.pageHinkleyThreshold, outputs.3.score / spec.rollingK)
            for d in 0..<Self.detectorCount {
                let score: Double, raised: Bool
                switch d {
                case 0: (score, raised) = (normalised.0, outputs.0.alarm)
                case 1: (score, raised) = (normalised.1, outputs.1.alarm)
                case 2: (score, raised) = (normalised.2, outputs.2.alarm)
                default: (score, raised) = (normalised.3, outputs.3.alarm)
                }
                if score.isFinite { scores[d] = max(scores[d], score) }
                if raised { alarms[d] = true }
                let k = d * floors.count + s
                alarmRun[k] = raised ? alarmRun[k] + 1 : 0
                if alarmRun[k] >= rearmSamples {
                    alarmRun[k] = 0
                    switch d {
                    case 0: ewma[s].reset()
                    case 1: cusum[s].reset()
                    case 2: pageHinkley[s].reset()
                    default: rolling[s].reset()
                    }
                }
            }
        }
    }
}
