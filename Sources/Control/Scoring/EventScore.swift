/// Episode-level scores of one detector's alarms: detection delay per fault, detection
/// rate and delay per fault type, and false alarms per day of fault-free operation.
public struct EventScore: Sendable, Equatable {
    /// What happened to one fault episode.
    public struct Outcome: Sendable, Equatable {
        /// The fault.
        public let episode: FaultEpisode
        /// Time of the first alarm sample inside [onset, end], seconds; nil if missed.
        public let firstAlarm: Double?

        /// True when an alarm fell inside the fault window.
        public var isDetected: Bool { firstAlarm != nil }
        /// First alarm − onset, seconds (≥ 0); nil if missed.
        public var delay: Double? { firstAlarm.map { $0 - episode.onset } }
    }

    /// Detection summary of every episode of one fault type.
    public struct FaultTypeSummary: Sendable, Equatable {
        /// The fault type.
        public let faultType: String
        /// Episodes of this type.
        public let episodes: Int
        /// Episodes with an alarm inside their window.
        public let detected: Int
        /// Mean delay of the detected episodes, seconds; nil when none was detected.
        public let meanDelay: Double?
        /// Longest delay of the detected episodes, seconds; nil when none was detected.
        public let maxDelay: Double?

        /// detected / episodes, 0…1.
        public var detectionRate: Double { episodes == 0 ? 0 : Double(detected) / Double(episodes) }
    }

    /// One outcome per episode, in the order the episodes were given.
    public let outcomes: [Outcome]
    /// Alarm runs (maximal stretches of consecutive alarm samples) that began outside every
    /// fault window and its grace period.
    public let falseAlarms: Int
    /// Time outside every fault window and grace period, seconds.
    public let faultFreeSeconds: Double

    /// False alarms per 86 400 s of fault-free time; 0 when there was none.
    public var falseAlarmsPerDay: Double {
        faultFreeSeconds > 0 ? Double(falseAlarms) / (faultFreeSeconds / 86_400) : 0
    }

    /// Detected episodes / all episodes, 0…1 (0 without episodes).
    public var detectionRate: Double {
        outcomes.isEmpty ? 0 : Double(outcomes.filter(\.isDetected).count) / Double(outcomes.count)
    }

    /// Mean delay over detected episodes, seconds; nil when none was detected.
    public var meanDelay: Double? { Self.mean(outcomes.compactMap(\.delay)) }

    /// Per fault type, sorted by type name (a stable order, unlike a dictionary's).
    public var byFaultType: [FaultTypeSummary] {
        let types = Array(Set(outcomes.map(\.episode.faultType))).sorted()
        return types.map { type in
            let delays = outcomes.filter { $0.episode.faultType == type }.map(\.delay)
            let found = delays.compactMap { $0 }
            return FaultTypeSummary(faultType: type, episodes: delays.count, detected: found.count,
                                    meanDelay: Self.mean(found), maxDelay: found.max())
        }
    }

    private static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
