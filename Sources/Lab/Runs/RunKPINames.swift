import Scenario
import Control

/// The names of the KPIs a run of a scenario reports, known before it runs: what an
/// experiment's `responses` are checked against.
///
/// Which KPIs a run reports depends on its model and on the scenario (the crops grown, room
/// machines, an agent, a fed processing plant), and a few only on what happened (a ratio per
/// gram needs a harvest). This table mirrors the code that reports them — `FacilityWorld.kpis`
/// and `boptestKPIs`, `RoomMachines.kpis`, `RoomDecisions.kpis`, `HarvestFeed`,
/// `ProcessingPlant.kpis`, `FleetWorld.kpis`, the opportunity and detection KPIs and
/// `MachineShopRun` — and `RunKPINamesTests` runs every shipped scenario to check that each run
/// reports every `always` name and nothing outside `always + sometimes`.
public struct RunKPINames: Sendable, Equatable {
    /// The wall-clock KPI `RunPipeline.execute` adds (s simulated per s): not a model output,
    /// and not reproducible.
    public static let wallClock = "time_ratio"

    /// Reported by every run of the scenario, in the order runs report them (`time_ratio` last).
    public var always: [String]
    /// Reported only when something happened in the run: `energy_per_gram_<crop>`,
    /// `cost_per_gram_<crop>` and `grams_per_kwh_<crop>` once the crop was harvested,
    /// `detection_delay_<detector>` once the detector caught a fault.
    public var sometimes: [String]

    /// Every name a run may report.
    public var all: [String] { always + sometimes }

    public init(for scenario: Scenario) {
        var always: [String] = []
        var sometimes: [String] = []
        switch scenario.model {
        case .machineShop:
            always = ["availability", "technician_utilisation", "failures", "repairs_completed", "mean_wait_for_technician"]
        case .facility(let spec):
            (always, sometimes) = Self.facility(spec)
        case .processing:
            always = Self.processing
        case .fleet:
            always = Self.fleet + FleetMonitor.opportunityKinds.map { "opportunity_\($0)" } + Self.detection
            sometimes = Self.detectionDelays
        }
        self.always = always + [Self.wallClock]
        self.sometimes = sometimes
    }

    private static func facility(_ spec: FacilitySpec) -> (always: [String], sometimes: [String]) {
        var always: [String] = []
        var sometimes: [String] = []
        var harvestRatios: [String] = []
        for kind in [CropSpec.Kind.cannabis, .lettuce] where spec.rooms.contains(where: { $0.crop.kind == kind }) {
            let crop = kind.rawValue
            always += ["yield_\(crop)", "harvests_\(crop)", "yield_per_harvest_area_\(crop)", "energy_\(crop)"]
            if kind == .cannabis { always.append("yield_lost_to_stress_cannabis") }
            sometimes += ["energy_per_gram_\(crop)", "cost_per_gram_\(crop)"]
            harvestRatios.append("grams_per_kwh_\(crop)")
        }
        always += [
            "standing_crop", "mean_dli", "energy_total", "energy_lighting", "energy_climate", "energy_per_floor_area",
            "energy_cost", "demand_cost", "total_cost", "peak_demand", "temperature_discomfort", "vpd_off_target",
            "alerts", "critical_alerts", "interlock_trips", "co2_cutout_trips", "opportunity_peak_shifting",
            "opportunity_oversizing", "water_removed", "co2_injected", "emissions", "emissions_per_floor_area",
        ]
        sometimes += harvestRatios
        for (k, quantity) in ["temperature_discomfort", "rh_discomfort", "vpd_discomfort", "co2_deficit", "co2_excess"]
            .enumerated() {
            always.append(quantity + "_lit")
            // No CO₂ target holds in the dark, so there is no dark deficit.
            if k != 3 { always.append(quantity + "_dark") }
        }
        always += RoomPhaseKPIs.actuators.map { "actuator_travel_\($0)" }
        if !spec.machines.isEmpty {
            always += ["machine_failures", "machine_repairs", "machine_downtime_hours", "water_stress_hours"]
            let irrigatesCannabis = spec.machines.contains { machine in
                machine.serves == .irrigation
                    && spec.rooms.contains { $0.id == machine.room && $0.crop.kind == .cannabis }
            }
            if irrigatesCannabis { always.append("yield_lost_to_water_stress_cannabis") }
        }
        always += detection
        sometimes += detectionDelays
        if spec.agent == .expert {
            always += ["decisions"] + RoomDecision.Action.allCases.map { "decisions_\($0.rawValue.lowercased())" }
                + ["decision_estimated_savings", "decision_prevented_loss"]
        }
        if spec.processing != nil {
            always += (["dry_matter_fed"] + processing).map { HarvestFeed.kpiPrefix + $0 }
        }
        return (always, sometimes)
    }

    private static let processing = [
        "batches_arrived", "batches_finished", "batches_in_process", "throughput_kg_per_day", "mean_lead_time",
        "mean_wip", "grade_a_share", "grade_b_share", "grade_c_share", "reject_share", "mould_rate",
        "foreign_material_rate", "drying_utilisation", "curing_utilisation", "trimming_utilisation",
        "packaging_utilisation", "trimmer_breakdowns", "predictor_training_batches", "predictor_accuracy_initial",
        "predictor_accuracy_lowest", "predictor_accuracy_drop", "predictor_retrain_day",
    ]

    private static let fleet = [
        "availability", "failures", "failures_bearing", "failures_insulation", "failures_electrical", "downtime_hours",
        "prevented_failures", "mtbf", "mttr", "repairs_rejected", "technician_utilisation", "technician_shift_hours",
        "technician_overtime_hours", "mean_wait_for_technician",
    ] + FleetLedger.JobType.allCases.map { "mean_wait_for_technician_\($0.name)" } + [
        "preventive_maintenance", "condition_based_maintenance", "spare_part_stockouts", "energy_total",
        "technician_cost", "downtime_cost", "maintenance_cost", "alerts", "critical_alerts", "decisions",
    ]

    private static var detection: [String] {
        DetectionSpec.detectorNames.flatMap { ["detection_f1_\($0)", "detection_recall_\($0)", "false_alarms_per_day_\($0)"] }
    }

    private static var detectionDelays: [String] { DetectionSpec.detectorNames.map { "detection_delay_\($0)" } }
}
