/// One named key performance indicator of a run, such as `energy_kwh` or `yield_g`.
///
/// A run's KPIs are an ordered list so reports show them in the order the model produced them.
public struct KPI: Sendable, Codable, Equatable {
    /// The KPI's name; unique within a run.
    public var name: String
    /// The value; NaN and ±infinity are allowed (stored as the JSON strings `NaN`, `Infinity`, `-Infinity`).
    public var value: Double

    public init(_ name: String, _ value: Double) {
        self.name = name
        self.value = value
    }
}
