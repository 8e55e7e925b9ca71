/// One ground-truth fault episode of a sensor, for labelled datasets and detector scoring.
///
/// Episodes live on the sample grid: `startSeconds` is the time of the first faulty sample and
/// `endSeconds` the time of the first healthy sample after it, so the episode covers
/// [start, end). An episode still running when the run stops has `endSeconds == nil`.
public struct SensorFaultRecord: Sendable, Equatable, Hashable {
    /// The kind of fault.
    public enum Kind: String, Sendable, Equatable, Hashable, CaseIterable {
        /// Samples were not delivered.
        case dropout
        /// The transmitter repeated one value.
        case stuck
        /// The accumulated calibration drift exceeded `SensorSpec.driftFaultThreshold`
        /// in magnitude (a sensor that is out of calibration and due for service).
        case driftBeyondThreshold = "drift-beyond-threshold"
    }

    /// What went wrong.
    public let kind: Kind
    /// Simulation time of the first faulty sample, s.
    public let startSeconds: Double
    /// Simulation time of the first healthy sample after the episode, s; nil while open.
    public internal(set) var endSeconds: Double?

    /// A record of an episode of `kind` from `startSeconds` to `endSeconds` (nil while open).
    public init(kind: Kind, startSeconds: Double, endSeconds: Double? = nil) {
        self.kind = kind
        self.startSeconds = startSeconds
        self.endSeconds = endSeconds
    }

    /// Duration of a closed episode, s; nil while open.
    public var durationSeconds: Double? {
        endSeconds.map { $0 - startSeconds }
    }
}
