/// Whether a larger or a smaller value of a response is better, for picking the best variant.
///
/// The experiment file may state it per response; otherwise `standard(for:)` looks the KPI
/// name up in a table of TwinLab's KPIs (docs/experiments.md, "Statistics"). A name the table
/// does not know counts as lower-is-better, as most KPIs are costs, losses, times or counts of
/// bad events; the summary records where each direction came from so a default is visible.
public enum ResponseDirection: String, Sendable, Codable, Equatable, CaseIterable {
    case higherIsBetter = "higher"
    case lowerIsBetter = "lower"

    /// Where a response's direction came from.
    public enum Source: String, Sendable, Codable, Equatable {
        /// Stated in the experiment file.
        case spec
        /// Found in the table of TwinLab KPIs.
        case table
        /// Not in the table: lower is better.
        case `default`
    }

    /// The direction of the KPI `name` from the table, or lower-is-better by default.
    public static func standard(for name: String) -> (direction: ResponseDirection, source: Source) {
        if let direction = exact[name] { return (direction, .table) }
        for (prefix, direction) in prefixes where name.hasPrefix(prefix) { return (direction, .table) }
        for (suffix, direction) in suffixes where name.hasSuffix(suffix) { return (direction, .table) }
        return (.lowerIsBetter, .default)
    }

    private static let exact: [String: ResponseDirection] = {
        let higher = [
            "availability", "batches_finished", "repairs_completed", "prevented_failures", "mtbf",
            "grade_a_share", "throughput_kg_per_day", "mean_dli", "standing_crop",
            "predictor_accuracy_initial", "predictor_accuracy_lowest",
            "decision_estimated_savings", "decision_prevented_loss",
        ]
        let lower = [
            "temperature_discomfort", "vpd_off_target", "alerts", "critical_alerts", "failures",
            "machine_failures", "downtime_hours", "machine_downtime_hours", "mttr",
            "mean_wait_for_technician", "mean_lead_time", "mean_wip", "emissions",
            "emissions_per_floor_area", "peak_demand", "reject_share", "mould_rate",
            "foreign_material_rate", "spare_part_stockouts", "trimmer_breakdowns", "interlock_trips",
            "co2_cutout_trips", "water_stress_hours", "technician_overtime_hours", "repairs_rejected",
            "predictor_accuracy_drop", "grade_c_share",
        ]
        return Dictionary(uniqueKeysWithValues: higher.map { ($0, .higherIsBetter) } + lower.map { ($0, .lowerIsBetter) })
    }()

    /// Tried in order, so the losses (`yield_lost_…`) come before the yields.
    private static let prefixes: [(String, ResponseDirection)] = [
        ("yield_lost_", .lowerIsBetter), ("cost_per_gram_", .lowerIsBetter), ("energy_", .lowerIsBetter),
        ("failures_", .lowerIsBetter), ("mean_wait_for_technician_", .lowerIsBetter),
        ("false_alarms_per_day_", .lowerIsBetter), ("detection_delay_", .lowerIsBetter),
        ("yield", .higherIsBetter), ("grams_per_kwh_", .higherIsBetter), ("detection_f1_", .higherIsBetter),
        ("detection_recall_", .higherIsBetter), ("opportunity_", .higherIsBetter),
    ]

    private static let suffixes: [(String, ResponseDirection)] = [
        ("_cost", .lowerIsBetter), ("discomfort", .lowerIsBetter),
    ]
}
