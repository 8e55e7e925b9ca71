import TwinModels

/// One ground-truth fault: its type and the simulated-time window in which it is active.
public struct FaultEpisode: Sendable, Equatable {
    /// The fault's kind, e.g. "worn_bearings" or "overheated"; scores are grouped by it.
    public let faultType: String
    /// When the fault begins, seconds of simulated time.
    public let onset: Double
    /// When the fault ends (repair, or the end of the run), seconds; ≥ `onset`.
    public let end: Double

    /// Creates an episode active over [onset, end].
    ///
    /// - Throws: `ModelInputError` when a time is not finite or `end` precedes `onset`.
    public init(faultType: String, onset: Double, end: Double) throws(ModelInputError) {
        self.faultType = faultType
        self.onset = try ModelInputError.check(onset, "fault onset", unit: "s", in: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)
        self.end = try ModelInputError.check(end, "fault end", unit: "s", in: onset...Double.greatestFiniteMagnitude)
    }
}
