/// One response (KPI) value of one finished run: the input of `ExperimentSummary`.
public struct ResponseObservation: Sendable, Codable, Equatable {
    /// The variant name, or "p<k>" for design point k.
    public var variant: String
    /// The design point index (nil for named variants).
    public var point: Int?
    public var seed: UInt64
    /// The KPI name.
    public var response: String
    /// The KPI value; NaN or infinite values are counted and left out of the statistics.
    public var value: Double
    public var unit: String

    public init(variant: String, point: Int? = nil, seed: UInt64, response: String, value: Double, unit: String) {
        self.variant = variant
        self.point = point
        self.seed = seed
        self.response = response
        self.value = value
        self.unit = unit
    }
}
