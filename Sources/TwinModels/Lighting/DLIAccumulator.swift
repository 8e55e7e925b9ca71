/// Integrates PPFD over time into daily light integrals, one total per day.
///
/// The accumulator keeps its own clock, starting at hour 0 of day 0, and advances it by the
/// duration of every `add`; a step that crosses midnight is split between the two days.
/// Totals are mol m⁻² (DLI, mol m⁻² d⁻¹, for a completed day). Completed days are appended
/// to `completedDays` (one append per simulated day, never per step).
public struct DLIAccumulator: Sendable, Hashable {
    /// DLI of every completed day, in order, mol m⁻² d⁻¹.
    public private(set) var completedDays: [Double] = []
    /// Photons received so far today, mol m⁻².
    public private(set) var today: Double = 0
    /// Seconds elapsed in the current day, s, [0, 86400).
    public private(set) var secondsIntoDay: Double = 0
    /// Photons received since the start, mol m⁻².
    public private(set) var total: Double = 0

    /// An empty accumulator at hour 0 of day 0; `expectedDays` reserves storage up front.
    public init(expectedDays: Int = 0) {
        completedDays.reserveCapacity(max(0, expectedDays))
    }

    /// Adds a constant PPFD held for some seconds.
    ///
    /// - Parameters:
    ///   - ppfd: µmol m⁻² s⁻¹, 0–2500.
    ///   - seconds: duration, s, ≥ 0.
    public mutating func add(ppfd: Double, seconds: Double) throws(ModelInputError) {
        let q = try ModelInputError.check(ppfd, "PPFD", unit: "µmol/m²/s", in: LightingFixture.validPPFDRange)
        var remaining = try ModelInputError.check(seconds, "duration", unit: "s", in: 0...1e12)
        while remaining > 0 {
            let piece = min(remaining, 86_400 - secondsIntoDay)
            let mol = q * piece * 1e-6
            today += mol
            total += mol
            secondsIntoDay += piece
            remaining -= piece
            if secondsIntoDay >= 86_400 {
                completedDays.append(today)
                today = 0
                secondsIntoDay = 0
            }
        }
    }

    /// Number of completed days.
    public var dayCount: Int { completedDays.count }
}
