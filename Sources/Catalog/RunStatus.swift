/// Where a run is in its life cycle, as stored in the catalog's `status` column.
public enum RunStatus: String, Sendable, Codable, CaseIterable, Equatable {
    /// Started and not finished; the writer process may still be alive.
    case running
    /// Finished normally; results and fingerprint are final.
    case complete
    /// Stopped by a typed error; `error` says why.
    case failed
    /// The writer disappeared (killed, crashed, machine lost) before finishing; the output
    /// file holds at most what was flushed.
    case incomplete

    /// Whether a run in this status can no longer change.
    public var isFinal: Bool { self == .complete || self == .failed }
}
