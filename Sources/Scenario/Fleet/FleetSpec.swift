import SimKernel
import Control

/// The `fleet` section: groups of machine twins that degrade and fail, the maintenance crew
/// and its shifts, spare bearings, the maintenance policy and the approval step before a
/// repaired machine returns to service.
///
/// Units and ranges are documented in docs/scenario-format.md and enforced by
/// `ScenarioLoader.readFleet`.
public struct FleetSpec: Sendable, Equatable {
    /// The per-machine time-series channels a run can record, in default order (units in
    /// docs/run-file-format.md).
    public static let machineChannels = [
        "power", "temperature", "hot_spot_temperature", "vibration", "vibration_zone", "runtime", "health",
        "status", "rul", "bearing_wear", "insulation_life_consumed", "electrical_stress",
    ]

    /// Machine groups in file order; machine ids are `<id_prefix>-<n>`, n from 1.
    public var machines: [MachineGroupSpec]
    public var technicians: TechniciansSpec
    public var maintenance: MaintenancePolicySpec
    public var spareParts: SparePartsSpec
    /// Hands-on time of one corrective repair (and of a rework after a rejection), hours.
    public var repairTime: Distribution
    public var approval: ApprovalSpec
    /// Physics step of the machine models, minutes (1/60…60): signals, wear and failure
    /// detection advance on this grid.
    public var sampleIntervalMinutes: Double
    /// Alert rules evaluated on every machine at every physics step, on the signals
    /// `temperature` (frame, °C), `power` (kW, missing while stopped) and `vibration` (mm/s):
    /// `RuleSet.documentDefaults` unless `default_rules: false`, plus the scenario's `rules`.
    public var rules: [RuleSpec] = RuleSet.documentDefaults.rules
    /// Which decision agent answers raised alerts (`agent`, default expert).
    public var agent: AgentChoice = .expert
    /// The LLM agent's settings (`llm`), present exactly when `agent` is `llm`.
    public var llm: LLMAgentSpec?
    /// Default cost of an hour out of service, currency (USD) per machine-hour: 125,000, the
    /// cost of an hour of unplanned downtime at a typical industrial business in ABB's "Value of
    /// Reliability" survey (Sapio Research for ABB Motion Services, July 2023, 3,215 plant
    /// maintenance decision-makers; $103,000 for US respondents). A site-wide figure: charging
    /// it per machine-hour assumes every machine out of service stops production.
    public static let defaultDowntimeCostPerHour = 125_000.0

    /// Cost of one machine-hour out of service, currency per hour, 0…1e6 (default
    /// ``defaultDowntimeCostPerHour``): the `downtime_cost` KPI, and the basis of the agents'
    /// prevented-loss and savings estimates and of the Minari reward.
    public var downtimeCostPerHour: Double = Self.defaultDowntimeCostPerHour
    /// Flat price of the fleet's electricity, currency per kWh, 0…10 (default 0.15, as the
    /// facility's default flat tariff): prices the energy-saving opportunities. A fleet has no
    /// time-of-use tariff, so no peak-shifting opportunity is computed for it.
    public var energyPricePerKWh: Double = 0.15

    /// The `agent` key.
    public enum AgentChoice: String, Sendable, Equatable, CaseIterable {
        /// `ExpertPolicyAgent`: the documents' guidelines.
        case expert
        /// No agent: alerts are recorded, nobody acts on them.
        case none
        /// `LLMDecisionAgent` over the `llm` section's endpoint, falling back to the expert.
        case llm
    }

    public init(machines: [MachineGroupSpec], technicians: TechniciansSpec, maintenance: MaintenancePolicySpec,
                spareParts: SparePartsSpec, repairTime: Distribution, approval: ApprovalSpec,
                sampleIntervalMinutes: Double) {
        self.machines = machines
        self.technicians = technicians
        self.maintenance = maintenance
        self.spareParts = spareParts
        self.repairTime = repairTime
        self.approval = approval
        self.sampleIntervalMinutes = sampleIntervalMinutes
    }

    /// Total number of machines over all groups.
    public var machineCount: Int { machines.reduce(0) { $0 + $1.count } }

    /// The `spare_parts` section: bearings kept in stock and restocked on a schedule.
    public struct SparePartsSpec: Sendable, Equatable {
        /// Bearings in stock at the start and the order-up-to level of every restock, 1…10,000.
        public var bearings: Int
        /// Days between restocks, 0.01…365.
        public var restockDays: Double

        public init(bearings: Int, restockDays: Double) {
            self.bearings = bearings
            self.restockDays = restockDays
        }
    }

    /// The `approval` section: every corrective repair is reviewed before the machine goes
    /// back ONLINE; a rejected repair is done again.
    public struct ApprovalSpec: Sendable, Equatable {
        /// Probability that a repair is rejected, 0…0.95.
        public var probabilityRejected: Double
        /// Time from the end of a repair to the decision, hours, 0…720.
        public var reviewHours: Double

        public init(probabilityRejected: Double, reviewHours: Double) {
            self.probabilityRejected = probabilityRejected
            self.reviewHours = reviewHours
        }
    }
}
