import SimKernel
import TwinModels
import Control

/// Reading of the `fleet` section; every field's unit, default and range is documented in
/// docs/scenario-format.md and enforced here (and so in the generated JSON Schema).
extension ScenarioLoader {
    static func readFleet(_ reader: FieldReader) -> FleetSpec {
        var groups: [MachineGroupSpec] = []
        var prefixes: Set<String> = []
        for item in reader.list("machines", required: true, itemName: "machine group") {
            let group = readMachineGroup(item)
            if reader.schema == nil, !group.idPrefix.isEmpty, !prefixes.insert(group.idPrefix).inserted {
                item.report("id_prefix", expected: "a prefix not used by another group ('\(group.idPrefix)' is taken)")
            }
            groups.append(group)
        }
        if reader.schema == nil, groups.reduce(0, { $0 + $1.count }) > 10_000 {
            reader.report("machines", expected: "at most 10,000 machines in all")
        }
        let technicians = readTechnicians(reader.section("technicians", required: true))
        let maintenance = readMaintenance(reader.section("maintenance", required: false))
        let spares: FleetSpec.SparePartsSpec
        if let section = reader.section("spare_parts", required: false) {
            spares = .init(bearings: section.int("bearings", default: 5, in: 1...10_000),
                           restockDays: section.double("restock_days", default: 14, in: 0.01...365, unit: "days"))
            section.finish()
        } else {
            spares = .init(bearings: 5, restockDays: 14)
        }
        let repair = reader.distribution("repair_time_hours", unit: "hours", default: .lognormal(mean: 6, sd: 3))
        let approval: FleetSpec.ApprovalSpec
        if let section = reader.section("approval", required: false) {
            approval = .init(probabilityRejected: section.double("probability_rejected", default: 0.05, in: 0...0.95,
                                                                 unit: "probability"),
                             reviewHours: section.double("review_hours", default: 2, in: 0...720, unit: "hours"))
            section.finish()
        } else {
            approval = .init(probabilityRejected: 0.05, reviewHours: 2)
        }
        let step = reader.double("sample_interval_minutes", default: 1, in: 1.0 / 60...60, unit: "minutes")
        let useDefaults = reader.bool("default_rules", default: true)
        var rules = useDefaults ? RuleSet.documentDefaults.rules : []
        let custom = readRules(reader.list("rules", required: false, itemName: "rule"),
                               allowedSignals: ["temperature", "power", "vibration"])
        if reader.schema == nil {
            for rule in custom where rules.contains(where: { $0.id == rule.id }) {
                reader.report("rules", expected: "rule ids other than the defaults' (\(rule.id) is taken; "
                              + "set default_rules: false to replace them)")
            }
        }
        rules += custom
        let agent = reader.string("agent", default: "expert", allowed: FleetSpec.AgentChoice.allCases.map(\.rawValue))
        let downtimeCost = reader.double("downtime_cost_per_hour", default: FleetSpec.defaultDowntimeCostPerHour,
                                         in: 0...1e6, unit: "currency per hour")
        let energyPrice = reader.double("energy_price_per_kwh", default: 0.15, in: 0...10, unit: "currency/kWh")
        let llmSection = reader.section("llm", required: false)
        if reader.schema == nil, agent == FleetSpec.AgentChoice.llm.rawValue, llmSection == nil {
            reader.report("agent", expected: "an 'llm' section next to agent: llm (endpoint, model …)")
        }
        if reader.schema == nil, agent != FleetSpec.AgentChoice.llm.rawValue, llmSection != nil {
            reader.report("llm", expected: "no 'llm' section unless agent: llm")
        }
        let llm = llmSection.map(readLLM)
        reader.finish()
        var spec = FleetSpec(machines: groups, technicians: technicians, maintenance: maintenance, spareParts: spares,
                             repairTime: repair, approval: approval, sampleIntervalMinutes: step)
        spec.rules = rules
        spec.agent = FleetSpec.AgentChoice(rawValue: agent) ?? .expert
        spec.downtimeCostPerHour = downtimeCost
        spec.energyPricePerKWh = energyPrice
        spec.llm = spec.agent == .llm ? llm : nil
        return spec
    }

    private static func readMachineGroup(_ item: FieldReader) -> MachineGroupSpec {
        let prefix = item.string("id_prefix")
        let kind = item.string("kind", allowed: MachineKind.allCases.map(\.rawValue))
        let count = item.int("count", default: 1, in: 1...10_000)
        // The longest machine id stands for all: `<prefix>-<count>` names a dataset.
        if item.schema == nil, !prefix.isEmpty, !EntityID.isValid("\(prefix)-\(count)") {
            item.report("id_prefix", expected: "a prefix that with '-\(count)' makes an id of \(EntityID.rule) "
                        + "(it names the datasets timeseries/machines/<prefix>-<n>)")
        }
        let preset = item.string("preset", default: "normal", allowed: MachineScenarioPreset.allCases.map(\.rawValue))
        let ambient = item.double("ambient_temperature_c", default: 25, in: -40...60, unit: "°C")
        let load = item.optionalDouble("load", in: 0...2, unit: "× rated")
        let cooling = item.optionalDouble("cooling_factor", in: 0...1, unit: "fraction of nominal cooling")
        let wear = item.optionalDouble("bearing_wear_multiplier", in: 0.1...100, unit: "×")
        let initial = item.optionalDouble("initial_bearing_wear", in: 0...0.99, unit: "fraction of bearing life")
        item.finish()
        return MachineGroupSpec(
            idPrefix: prefix, kind: MachineKind(rawValue: kind) ?? .pump, count: count,
            preset: MachineScenarioPreset(rawValue: preset) ?? .normal, ambientTemperature: ambient, load: load,
            coolingFactor: cooling, bearingWearMultiplier: wear, initialBearingWear: initial)
    }

    private static func readTechnicians(_ reader: FieldReader?) -> TechniciansSpec {
        guard let reader else { return TechniciansSpec(count: 1, shift: nil) }
        let count = reader.int("count", in: 1...10_000)
        let cost = reader.double("cost_per_hour", default: TechniciansSpec.defaultCostPerHour, in: 0...10_000,
                                 unit: "currency per technician shift hour")
        let overtime = reader.optionalDouble("overtime_cost_per_hour", in: 0...10_000,
                                             unit: "currency per technician overtime hour")
        var shift: ShiftCalendar?
        if let section = reader.section("shift", required: false) {
            let start = section.double("start_hour", default: 8, in: 0...23.99, unit: "hour of day")
            let hours = section.double("hours", default: 8, in: 0.25...24, unit: "hours")
            let days = section.string("days", default: "weekdays", allowed: ["weekdays", "all"])
            section.finish()
            // The ranges are checked above, so the calendar accepts them.
            shift = try? ShiftCalendar(startHour: start, hours: hours, days: days == "all" ? Set(0...6) : Set(0...4))
        }
        reader.finish()
        return TechniciansSpec(count: count, shift: shift, costPerHour: cost, overtimeCostPerHour: overtime)
    }

    private static func readMaintenance(_ reader: FieldReader?) -> MaintenancePolicySpec {
        guard let reader else {
            return MaintenancePolicySpec(preventive: .none, preventiveDurationHours: 4, conditionBasedHealthBelow: nil)
        }
        let runtime = reader.optionalDouble("preventive_interval_runtime_hours", in: 1...1e6, unit: "running hours")
        let calendar = reader.optionalDouble("preventive_interval_calendar_days", in: 1...10_000, unit: "days")
        if reader.schema == nil, runtime != nil, calendar != nil {
            reader.report("preventive_interval_calendar_days",
                          expected: "either preventive_interval_runtime_hours or preventive_interval_calendar_days, not both")
        }
        let duration = reader.double("preventive_duration_hours", default: 4, in: 0.1...720, unit: "hours")
        let health = reader.optionalDouble("condition_based_health_below", in: 0...100, unit: "health score")
        reader.finish()
        let interval: MaintenancePolicySpec.Interval = runtime.map { .runtimeHours($0) }
            ?? calendar.map { .calendarDays($0) } ?? .none
        return MaintenancePolicySpec(preventive: interval, preventiveDurationHours: duration,
                                     conditionBasedHealthBelow: health)
    }
}
