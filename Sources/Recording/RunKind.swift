/// What a run file holds, as its root attribute `run_kind` states it.
///
/// Written at run time from the scenario's model section, so readers never guess from the
/// layout: a facility run with room machines also has `timeseries/machines`, like a fleet run.
public enum RunKind: String, Sendable, Codable, CaseIterable, Equatable {
    /// Grow rooms (`facility` section), possibly with room machines and a fed plant.
    case facility
    /// Machine twins maintained by a crew (`fleet` section).
    case fleet
    /// The post-harvest plant on its own (`processing` section).
    case processing
    /// The kernel-only machine-repair model (`machine_shop` section).
    case machineShop = "machine-shop"

    /// The kind of a file written before `run_kind` existed, judged by its layout. Rooms are
    /// looked for first: facility runs with room machines also hold `timeseries/machines`.
    static func inferred(contains: (String) -> Bool) -> RunKind? {
        if contains("timeseries/rooms") { return .facility }
        if contains("timeseries/machines") { return .fleet }
        if contains("timeseries/processing") { return .processing }
        if contains("timeseries/machine_shop") { return .machineShop }
        return nil
    }
}
