/// The `sequential` section: keep adding replications (seeds) until every response's 95 %
/// half-width is at most `relativeHalfWidth` × |its mean|, or `maxReplications` seeds have run.
///
/// Only the rule lives here; the runner adds the seeds and the summary decides when to stop.
public struct SequentialRule: Sendable, Equatable {
    /// Target half-width as a fraction of the mean, in (0, 1].
    public var relativeHalfWidth: Double
    /// At most this many seeds per variant, at least the number the experiment starts with.
    public var maxReplications: Int

    public init(relativeHalfWidth: Double, maxReplications: Int) {
        self.relativeHalfWidth = relativeHalfWidth
        self.maxReplications = maxReplications
    }
}
