/// A way a machine fails, each with its own damage state and failure threshold.
///
/// The modes are competing risks: the machine fails when the first of them reaches its
/// individually drawn life (`FailureThresholds`). Sensor faults are not machine failures;
/// they live in `Sensor`.
public enum FailureMode: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// Rolling-contact fatigue of the bearings (ISO 281), accelerated by load and poor
    /// lubrication; visible as rising vibration.
    case bearing
    /// Thermal ageing of the winding insulation (Arrhenius / Montsinger 10-K rule), driven by
    /// the winding hot-spot temperature; the overheating failure.
    case insulation
    /// Electrical stress from sustained overload (current above rated) on winding end-turns,
    /// connections and switchgear.
    case electrical
}
