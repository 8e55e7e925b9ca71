import TwinModels

/// Scores an alarm sequence against fault episodes the way an operator experiences it:
/// was each fault caught, how long after its onset, and how often did the detector cry
/// wolf while nothing was wrong.
///
/// Rules:
/// * A fault is detected when any alarm sample lies in [onset, end]; its delay is the time
///   of the first such sample minus the onset (an alarm already on at the onset counts,
///   with delay 0 or the gap to the first sample in the window).
/// * A false alarm is a run of consecutive alarm samples whose first sample lies outside
///   every [onset, end + grace]; the grace absorbs alarms while a repaired machine settles.
/// * Fault-free time: each sample stands for the interval to the next one (the last sample
///   for the interval before it); intervals of samples outside every [onset, end + grace] are summed.
public enum EventScoring {
    /// Scores `alarms` sampled at `times` against `episodes`.
    ///
    /// - Parameters:
    ///   - alarms: the detector's alarm flag per sample.
    ///   - times: sample times, seconds, strictly increasing, finite; same count as `alarms`.
    ///   - episodes: the ground-truth faults (may overlap).
    ///   - grace: seconds after a fault's end in which alarms are not counted as false, ≥ 0.
    /// - Throws: `ModelInputError` for mismatched lengths, non-increasing times or a negative grace.
    public static func evaluate(alarms: [Bool], times: [Double], episodes: [FaultEpisode],
                                grace: Double = 0) throws(ModelInputError) -> EventScore {
        try ScoringInput.checkSameLength(alarms.count, times.count, "alarm")
        _ = try ModelInputError.check(grace, "false-alarm grace period", unit: "s", in: 0...Double.greatestFiniteMagnitude)
        for i in times.indices {
            _ = try ModelInputError.check(times[i], "sample time \(i)", unit: "s",
                                          in: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)
            if i > 0, times[i] <= times[i - 1] {
                throw ModelInputError(code: .inconsistent, quantity: "sample time \(i)", value: times[i], unit: "s",
                                      message: "sample times must increase strictly: \(times[i]) s follows \(times[i - 1]) s")
            }
        }

        var excused = [Bool](repeating: false, count: times.count)
        var outcomes: [EventScore.Outcome] = []
        outcomes.reserveCapacity(episodes.count)
        for episode in episodes {
            let first = firstIndex(atOrAfter: episode.onset, in: times)
            let windowEnd = firstIndex(after: episode.end, in: times)
            let graceEnd = firstIndex(after: episode.end + grace, in: times)
            for i in first..<max(first, graceEnd) { excused[i] = true }
            let hit = (first..<max(first, windowEnd)).first { alarms[$0] }
            outcomes.append(EventScore.Outcome(episode: episode, firstAlarm: hit.map { times[$0] }))
        }

        var falseAlarms = 0, faultFree = 0.0
        for i in times.indices where !excused[i] {
            if alarms[i], i == 0 || !alarms[i - 1] { falseAlarms += 1 }
            faultFree += i + 1 < times.count ? times[i + 1] - times[i] : (i > 0 ? times[i] - times[i - 1] : 0)
        }
        return EventScore(outcomes: outcomes, falseAlarms: falseAlarms, faultFreeSeconds: faultFree)
    }

    /// Index of the first time ≥ t (binary search; `times.count` if none).
    static func firstIndex(atOrAfter t: Double, in times: [Double]) -> Int {
        var lo = 0, hi = times.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if times[mid] < t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Index of the first time > t (`times.count` if none).
    static func firstIndex(after t: Double, in times: [Double]) -> Int {
        var lo = 0, hi = times.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if times[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
