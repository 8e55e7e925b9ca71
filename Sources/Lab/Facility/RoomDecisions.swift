import SimKernel
import Control

/// The facility's decision step: every WARNING or CRITICAL alert a room's rules raise goes
/// to a ``RoomDecisionAgent``, whose action is applied to the room's ``RoomPolicy`` until the
/// alert clears, and every decision is written to the audit log (`decisions/audit`).
///
/// Actions act through the room's own controller and actuator limits: DIM_LIGHTS scales the
/// target PPFD (`lightFraction`), RAISE_DEHUMIDIFICATION raises the VPD targets the humidity
/// loop tracks (`vpdOffset`), VENTILATE sets a floor on the damper command
/// (`minimumOutdoorAir`). Decisions are taken at the end of the control step that raised the
/// alert, so they act from the next step. Several actions in force in one room combine to the
/// strongest of each kind. An action is lifted (checked every control step) when all of these hold:
/// - its own alert has cleared;
/// - every device that was faulted when it was decided works again: the action compensates
///   for the fault, and lifting it while the fault lasts only brings the alert back;
/// - it has been in force for its hold: ``minimumHoldHours``, doubled each time the same
///   action returns to the room within ``recurrenceWindowHours`` of being lifted, up to
///   ``maximumHoldHours`` (exponential back-off, as against a compressor's short-cycling).
/// Without the last two, a room whose alert clears at the edge of its hysteresis toggles its
/// lamps between full and dimmed every 1.5 h. MAINTENANCE opens a numbered work order that
/// is only recorded: the fault lasts as long as the scenario says.
final class RoomDecisions {
    /// Least time an action stays in force, h (an assumption: about one air change of a
    /// sealed room's thermal mass).
    static let minimumHoldHours = 1.0
    /// An action that returns this soon after being lifted was lifted too early, h (an
    /// assumption: one day, so a room that overheats every afternoon keeps its lamps dimmed
    /// for longer each day instead of toggling through every afternoon).
    static let recurrenceWindowHours = 24.0
    /// Longest hold the back-off reaches, h: one day, so a room is reconsidered daily.
    static let maximumHoldHours = 24.0
    /// Outcome codes of the audit log (`outcomes` attribute).
    static let outcomes = ["applied", "work_order", "no_action"]
    static let columns: [(name: String, unit: String)] = [
        ("time", "h"), ("room", "index"), ("rule", "index"), ("severity", "level"), ("value", ""), ("risk", "code"),
        ("action", "code"), ("setpoint_change", "action unit"), ("estimated_savings", "currency"),
        ("prevented_loss", "currency"), ("outcome", "code"), ("work_order", "sequence"),
    ]

    let agent: any RoomDecisionAgent
    /// An action in force: its alert, what it does, since when, for how long at least, and
    /// the devices whose fault it compensates for.
    struct Held {
        var alert: Int
        var action: RoomDecision.Action
        var change: Double
        var since: Double
        var hold: Double
        var devices: [String]
        var cleared = false
    }
    // A run is single-threaded: stored properties skip the dynamic exclusivity checks,
    // which cost more than the work they guard (docs/kernel.md).
    /// Actions in force per room.
    @exclusivity(unchecked) private var inForce: [[Held]]
    /// Per room and action: when it was last lifted and the hold it had.
    @exclusivity(unchecked) private var history: [[RoomDecision.Action: (lifted: Double, hold: Double)]]
    /// Rooms with a cleared action waiting for its hold to end.
    @exclusivity(unchecked) private var waiting: [Bool]
    @exclusivity(unchecked) private(set) var workOrders = 0
    @exclusivity(unchecked) private(set) var auditRows: [Double] = []
    @exclusivity(unchecked) private(set) var texts = DecisionAuditTexts()

    init(agent: any RoomDecisionAgent, rooms: Int) {
        self.agent = agent
        inForce = Array(repeating: [], count: rooms)
        history = Array(repeating: [:], count: rooms)
        waiting = Array(repeating: false, count: rooms)
    }

    /// Lifts the room's cleared actions whose hold has ended; called every control step.
    func expire(room index: Int, world: FacilityWorld, hours: Double) {
        guard waiting[index] else { return }
        let faulted = Self.faultedDevices(room: index, world: world, hours: hours)
        let due = { (entry: Held) in
            entry.cleared && hours - entry.since >= entry.hold - 1e-9 && !entry.devices.contains(where: faulted.contains)
        }
        guard inForce[index].contains(where: due) else { return }
        for entry in inForce[index] where due(entry) {
            history[index][entry.action] = (hours, entry.hold)
        }
        inForce[index].removeAll(where: due)
        waiting[index] = inForce[index].contains { $0.cleared }
        apply(to: world.rooms[index], actions: inForce[index])
    }

    var decisionCount: Int { auditRows.count / Self.columns.count }

    /// Handles the alert events one room's rules produced this step.
    func review(_ events: [AlertEvent], room index: Int, world: FacilityWorld, hours: Double, price: Double) {
        let room = world.rooms[index]
        var changed = false
        for event in events {
            if event.kind == .cleared {
                for k in inForce[index].indices where inForce[index][k].alert == event.alertID {
                    inForce[index][k].cleared = true
                    waiting[index] = true
                }
                continue
            }
            guard event.severity >= .warning, let rules = room.rules else { continue }
            let rule = rules.rules[event.ruleIndex]
            let faulted = Self.faultedDevices(room: index, world: world, hours: hours)
            let context = RoomAnomalyContext(
                roomID: room.spec.id, timeHours: event.time / 3600, ruleID: rule.id, severity: event.severity,
                signal: .init(channel: rule.signal), value: event.value,
                temperatureSetpoint: room.lightsOn ? room.setpoints.dayTemperature : room.setpoints.nightTemperature,
                lightsOn: room.lightsOn, lampPowerKW: room.lampPower / 1000, pricePerKWh: price,
                cropKind: room.spec.crop.kind.rawValue,
                standingCropGrams: room.cropView.harvestableDryMass * room.canopyArea, faultedDevices: faulted,
                canVentilate: room.spec.hvac.outdoorAirCubicMetresPerSecond > 0, actionInForce: !inForce[index].isEmpty)
            let decision = agent.decide(context: context)
            var digest = RunFingerprint()
            for number in context.numbers { digest.combine(number) }
            var outcome = 2.0, order = Double.nan
            switch decision.action {
            case .none: break
            case .maintenance:
                workOrders += 1
                order = Double(workOrders)
                outcome = 1
            case .dimLights, .raiseDehumidification, .ventilate:
                inForce[index].append(Held(alert: event.alertID, action: decision.action, change: decision.setpointChange,
                                           since: hours, hold: hold(for: decision.action, room: index, hours: hours),
                                           devices: faulted))
                changed = true
                outcome = 0
            }
            auditRows += [event.time / 3600, Double(index), Double(event.ruleIndex), Double(event.severity.level),
                          event.value, Double(Decision.RiskLevel.allCases.firstIndex(of: decision.riskLevel) ?? 0),
                          Double(RoomDecision.Action.allCases.firstIndex(of: decision.action) ?? 0),
                          decision.setpointChange, decision.estimatedSavings, decision.preventedLoss, outcome, order]
            texts.append(digest: digest.hex, rootCause: decision.rootCause, reasoning: decision.reasoning,
                         recommendation: decision.humanRecommendation)
        }
        if changed { apply(to: room, actions: inForce[index]) }
        // A cleared action past its hold goes at once.
        expire(room: index, world: world, hours: hours)
    }

    /// The hold of an action applied now: doubled if it was lifted within the recurrence window.
    private func hold(for action: RoomDecision.Action, room index: Int, hours: Double) -> Double {
        guard let last = history[index][action], hours - last.lifted <= Self.recurrenceWindowHours else {
            return Self.minimumHoldHours
        }
        return min(2 * last.hold, Self.maximumHoldHours)
    }

    /// Names of the room's devices faulted at `hours` (scenario faults in force).
    static func faultedDevices(room index: Int, world: FacilityWorld, hours: Double) -> [String] {
        world.deviceFaults.filter { $0.room == index && $0.start <= hours && hours < $0.end }
            .compactMap { RoomEquipment.Device(rawValue: $0.device)?.name }
    }

    /// Sets the room's policy to the strongest action of each kind in force (none: baseline).
    private func apply(to room: GrowRoom, actions: [Held]) {
        var policy = room.policy
        policy.lightFraction = 1
        policy.vpdOffset = 0
        policy.minimumOutdoorAir = 0
        for entry in actions {
            switch entry.action {
            case .dimLights: policy.lightFraction = min(policy.lightFraction, 1 - entry.change)
            case .raiseDehumidification: policy.vpdOffset = max(policy.vpdOffset, entry.change)
            case .ventilate: policy.minimumOutdoorAir = max(policy.minimumOutdoorAir, entry.change)
            case .maintenance, .none: break
            }
        }
        room.policy = policy.clamped
    }

    /// KPIs: decisions, decisions per action, work orders and the summed estimates.
    func kpis(currency: String) -> [RunKPI] {
        let width = Self.columns.count
        let rows = (0..<decisionCount).map { Array(auditRows[$0 * width..<($0 + 1) * width]) }
        var kpis = [RunKPI(name: "decisions", value: Double(decisionCount), unit: "count")]
        for (code, action) in RoomDecision.Action.allCases.enumerated() {
            kpis.append(RunKPI(name: "decisions_\(action.rawValue.lowercased())",
                               value: Double(rows.filter { Int($0[6]) == code }.count), unit: "count"))
        }
        kpis.append(RunKPI(name: "decision_estimated_savings", value: rows.reduce(0) { $0 + $1[8] }, unit: currency))
        kpis.append(RunKPI(name: "decision_prevented_loss", value: rows.reduce(0) { $0 + $1[9] }, unit: currency))
        return kpis
    }

    /// The audit log (`decisions/audit`); per-row texts are string-array attributes in row order.
    static func auditTable(_ decisions: RoomDecisions?, world: FacilityWorld) -> ResultTable {
        var names: [(attribute: String, values: [String])] = [
            ("agent", [decisions?.agent.name ?? "none"]), ("rooms", world.rooms.map(\.spec.id)),
            ("rules", world.spec.rules.map(\.id)), ("severities", ["INFO", "WARNING", "CRITICAL"]),
            ("risks", Decision.RiskLevel.allCases.map(\.rawValue)),
            ("actions", RoomDecision.Action.allCases.map(\.rawValue)), ("outcomes", outcomes),
        ]
        if let decisions, decisions.decisionCount > 0 {
            names += decisions.texts.attributes
        }
        return ResultTable(group: "decisions", name: "audit", columns: columns.map(\.name), units: columns.map(\.unit),
                           values: decisions?.auditRows ?? [], names: names)
    }
}
