/// The optional top-level `detection` section: how the streaming detectors that are scored
/// against the twin's own ground truth (`detection/scores`) are set up.
///
/// Every facility and fleet run samples the signals the control stack sees (facility:
/// measured room temperature, RH and CO₂ minus their setpoints; fleet: frame temperature,
/// vibration and power per machine) every `sampleMinutes`, standardises each signal with the
/// mean and standard deviation of its first `warmUpSamples` samples, and feeds the result to
/// four detectors. Thresholds are therefore in standard deviations of the warm-up (σ),
/// except where noted. Defaults and sources are in docs/scenario-format.md.
public struct DetectionSpec: Sendable, Equatable {
    /// Sampling interval of the detectors, minutes, 1…1440 (default 15).
    public var sampleMinutes = 15.0
    /// Samples that estimate each signal's reference mean and σ, 2…100,000 (default 96: one day
    /// at 15 min; Montgomery 2009 recommends ≥ 50 individual values).
    public var warmUpSamples = 96
    /// A detector whose alarm has stayed on this long is re-armed (statistic cleared, reference
    /// kept), hours, 0.25…8760 (default 24): an operator who has seen an alarm for a day
    /// acknowledges it. Also the grace after a fault's end in which alarms are not false.
    public var rearmAfterHours = 24.0
    /// EWMA weight λ, 0 < λ ≤ 1 (default 0.2; Roberts 1959).
    public var ewmaLambda = 0.2
    /// EWMA limit width L, σ of the statistic (default 2.962: ARL₀ ≈ 500 at λ = 0.2, Lucas &
    /// Saccucci 1990 Table 3).
    public var ewmaLimit = 2.962
    /// CUSUM reference value k, σ (default 0.5: fastest for a 1σ shift; Page 1954, Lucas &
    /// Crosier 1982).
    public var cusumK = 0.5
    /// CUSUM decision interval h, σ (default 5: ARL₀ = 465, Montgomery 2009 Table 9.3).
    public var cusumH = 5.0
    /// Page–Hinkley tolerance δ, σ (default 0.5: half the smallest shift of interest; Page
    /// 1954, Hinkley 1971).
    public var pageHinkleyDelta = 0.5
    /// Page–Hinkley threshold λ, σ·samples of cumulative deviation (default 10).
    public var pageHinkleyThreshold = 10.0
    /// Samples after a (re-)start before Page–Hinkley may alarm, 1…10,000 (default 8).
    public var pageHinkleyMinimumSamples = 8
    /// Rolling-threshold window N, samples, 2…100,000 (default 96).
    public var rollingWindow = 96
    /// Rolling-threshold band k, σ of the window (default 3: the Shewhart individuals chart).
    public var rollingK = 3.0

    public init() {}

    /// The detector names in the order of `detection/scores` (the `detectors` attribute).
    public static let detectorNames = ["ewma", "cusum", "page_hinkley", "rolling_threshold"]
}
