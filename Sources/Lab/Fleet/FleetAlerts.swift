import SimKernel
import TwinModels
import Scenario
import Control

/// The fleet's alert rules and decision agent: one rule engine per machine, evaluated at every
/// physics step, and the audit log of every decision taken on a raised alert.
///
/// Signals per machine: `temperature` (frame, °C), `power` (kW; NaN while the machine is
/// stopped, so power rules neither fire nor learn a baseline from a standstill) and
/// `vibration` (RMS velocity, mm/s). The rules run at the physics step, not the recording
/// interval, so debounce times of a minute are honoured. A raised alert goes to the agent at
/// once; its action runs through the fleet's hooks (`requestConditionBasedMaintenance`,
/// status OFFLINE).
final class FleetAlerts {
    /// Readings kept per machine and signal for the agent's context.
    static let recentCount = 5
    static let signals = ["temperature", "power", "vibration"]
    /// Outcome codes of the audit log (`outcomes` attribute).
    static let outcomes = ["work_order", "ignored: open work order or machine down", "no action"]

    let rules: [RuleSpec]
    // A run is single-threaded: stored properties skip the dynamic exclusivity checks,
    // which cost more than the work they guard (docs/kernel.md).
    @exclusivity(unchecked) private(set) var engines: [RuleEngine]
    let agent: (any DecisionAgent)?
    @exclusivity(unchecked) private var values = [0.0, 0.0, 0.0]
    /// Ring buffer of recent readings: [machine][slot][signal] flattened.
    @exclusivity(unchecked) private var recent: [Double]
    @exclusivity(unchecked) private var evaluations = 0
    /// Maintenance and repair jobs started per machine.
    @exclusivity(unchecked) var jobsStarted: [Int]
    /// Work orders opened by the agent so far (their sequence numbers are 1, 2, 3 …).
    @exclusivity(unchecked) private(set) var workOrders = 0
    /// Audit rows: time h, machine, rule, severity, value, health, risk, action, estimated
    /// savings, prevented loss, outcome, work order (NaN: none).
    @exclusivity(unchecked) private(set) var auditRows: [Double] = []
    @exclusivity(unchecked) private(set) var texts = DecisionAuditTexts()
    /// Per audit row: which agent decided (`llm:<model>`, `llm-fallback:expert-policy` …) and
    /// why a fallback happened (empty otherwise).
    @exclusivity(unchecked) private(set) var decidedBy: [String] = []
    @exclusivity(unchecked) private(set) var notes: [String] = []
    @exclusivity(unchecked) private var raised: [(Int, AlertEvent)] = []

    init(spec: FleetSpec, machines: Int) throws {
        rules = spec.rules
        let engine = try RuleEngine(signals: Self.signals, rules: spec.rules)
        engines = Array(repeating: engine, count: machines)
        agent = try FleetAgentFactory.agent(for: spec)
        recent = Array(repeating: .nan, count: machines * Self.recentCount * 3)
        jobsStarted = Array(repeating: 0, count: machines)
    }

    var decisionCount: Int { auditRows.count / 12 }

    /// Evaluates every machine's rules at `now` and lets the agent act on raised alerts.
    func evaluate(world: FleetWorld, now: SimTime) {
        guard !rules.isEmpty else { return }
        let t = now.inSeconds
        let hours = now.inHours
        let slot = evaluations % Self.recentCount
        evaluations += 1
        raised.removeAll(keepingCapacity: true)
        // Signals are read through a buffer pointer: `world.models[i]` would copy the whole
        // machine model (several hundred bytes) for every machine at every step.
        world.models.withUnsafeBufferPointer { m in
            for i in engines.indices {
                let running = m[i].state.status == .online && m[i].state.failure == nil && world.conditions[i].load > 0
                values[0] = m[i].housingTemperature
                values[1] = running ? m[i].power : .nan
                values[2] = m[i].vibration
                let base = (i * Self.recentCount + slot) * 3
                recent[base] = values[0]
                recent[base + 1] = values[1]
                recent[base + 2] = values[2]
                let count = values.withUnsafeBufferPointer { engines[i].evaluate(time: t, values: $0) }
                guard count > 0 else { continue }
                for event in engines[i].events {
                    world.onEvent(hours, i, event.kind == .raised ? .alertRaised : .alertCleared, Double(event.ruleIndex))
                    if event.kind == .raised { raised.append((i, event)) }
                }
            }
        }
        guard let agent else { return }
        for (i, event) in raised { decide(agent: agent, machine: i, event: event, world: world) }
    }

    private func decide(agent: any DecisionAgent, machine i: Int, event: AlertEvent, world: FleetWorld) {
        let rule = rules[event.ruleIndex]
        let model = world.models[i]
        let open = !world.machines[i].isIdle || model.state.failure != nil || model.state.status != .online
        let context = AnomalyContext(
            machineID: world.ids[i], kind: model.parameters.kind.rawValue, timeHours: event.time / 3600,
            ruleID: rule.id, severity: event.severity, signal: AnomalyContext.Signal(rawValue: rule.signal) ?? .other,
            value: event.value, recentTemperature: recentValues(i, 0), recentPower: recentValues(i, 1),
            recentVibration: recentValues(i, 2), healthScore: model.healthScore, openWorkOrder: open,
            maintenanceCount: jobsStarted[i], ratedPowerKW: model.parameters.ratedPower,
            meanRepairHours: world.meanRepairHours, plannedMaintenanceHours: world.spec.maintenance.preventiveDurationHours,
            downtimeCostPerHour: world.spec.downtimeCostPerHour)
        let verdict = agent.verdict(context: context)
        let decision = verdict.decision
        var digest = RunFingerprint()
        for number in context.numbers { digest.combine(number) }
        var outcome = 2.0
        var order = Double.nan
        if decision.action != .none {
            if world.requestConditionBasedMaintenance(machine: i) {
                workOrders += 1
                order = Double(workOrders)
                outcome = 0
                if decision.action == .offline { world.takeOffline(i) }
            } else {
                outcome = 1
            }
        }
        let action = Double(Decision.Action.allCases.firstIndex(of: decision.action) ?? 0)
        world.onEvent(event.time / 3600, i, .decision, action)
        auditRows += [event.time / 3600, Double(i), Double(event.ruleIndex), Double(event.severity.level), event.value,
                      context.healthScore, Double(Decision.RiskLevel.allCases.firstIndex(of: decision.riskLevel) ?? 0),
                      action, decision.estimatedSavings, decision.preventedLoss, outcome, order]
        texts.append(digest: digest.hex, rootCause: decision.rootCause, reasoning: decision.reasoning,
                     recommendation: decision.humanRecommendation)
        decidedBy.append(verdict.decidedBy)
        notes.append(verdict.note)
    }

    /// The last readings of one signal, oldest first (fewer at the start of the run).
    private func recentValues(_ i: Int, _ signal: Int) -> [Double] {
        let n = min(evaluations, Self.recentCount)
        return (0..<n).map { k in
            let slot = (evaluations - n + k) % Self.recentCount
            return recent[(i * Self.recentCount + slot) * 3 + signal]
        }
    }
}
