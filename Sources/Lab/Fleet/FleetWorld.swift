import Foundation
import SimKernel
import TwinModels
import Scenario
import Control

/// A fleet scenario built into a running simulation: machine twins stepped on a fixed grid,
/// a technician pool with shifts, a spare-bearing store with scheduled restocks, and one
/// work-order process per machine.
///
/// Stepping: one periodic action at every physics step t advances every machine over
/// [t, t + step] (`MachineModel.advance`) and schedules the failure it returns as an event at
/// the exact failure time inside the step; the machine model therefore runs up to one step
/// ahead of the kernel clock, and a status set by a work order between grid points (back
/// ONLINE, into MAINTENANCE) reaches the physics at the next grid point. Maintenance triggers
/// (runtime or calendar interval, health threshold) are checked in the same action.
final class FleetWorld {
    let spec: FleetSpec
    let simulation: Simulation
    let ids: [String]
    // A run is single-threaded: stored properties skip the dynamic exclusivity checks,
    // which cost more than the work they guard (docs/kernel.md).
    /// The machine models, stepped in place (index = machine).
    @exclusivity(unchecked) var models: ContiguousArray<MachineModel>
    let conditions: ContiguousArray<OperatingConditions>
    @exclusivity(unchecked) var lifeStreams: [RandomStream]
    let technicians: Resource
    let spares: Store<Int>
    @exclusivity(unchecked) private(set) var machines: [FleetMachine] = []
    let ledger: FleetLedger
    let horizon: SimTime
    let stepSeconds: Double
    /// Receives (hours, machine index or −1, kind, value) for every recorded event.
    @exclusivity(unchecked) var onEvent: (Double, Int, FleetEventKind, Double) -> Void = { _, _, _, _ in }
    /// Running hours and time (h) at which each machine's bearings were last renewed.
    @exclusivity(unchecked) private var bearingRenewedRuntime: [Double]
    @exclusivity(unchecked) private var bearingRenewedAt: [Double]
    /// A failure returned by `advance` whose event has not fired yet.
    @exclusivity(unchecked) private var failurePending: [Bool]
    /// Electric power of each machine running under its conditions with new bearings, kW,
    /// and the extra friction loss of worn bearings per unit of squared wear, kW
    /// (`MachineModel.power` = running + friction · w_b²).
    private let runningPower: [Double]
    private let frictionPower: [Double]
    /// Reused per step: failures found and maintenance due (machine, condition-based).
    @exclusivity(unchecked) private var stepFailures: [(Int, MachineFailure)] = []
    @exclusivity(unchecked) private var dueWork: [(Int, Bool)] = []
    /// Alert rules, decision agent and audit log (`FleetAlerts`).
    @exclusivity(unchecked) private(set) var alerts: FleetAlerts!
    /// Mean of the scenario's repair-time distribution, h (for the agents' estimates).
    let meanRepairHours: Double

    /// - Parameter parameters: the machine parameters per kind (the presets unless a test
    ///   substitutes its own, e.g. an exponential life for the machine-repairman check).
    init(spec: FleetSpec, seed: UInt64, horizonHours: Double,
         parameters: (MachineKind) -> MachineParameters = MachineParameters.preset(for:)) throws {
        self.spec = spec
        let simulation = Simulation(seed: seed)
        self.simulation = simulation
        horizon = .hours(horizonHours)
        stepSeconds = spec.sampleIntervalMinutes * 60
        var ids: [String] = []
        var models: ContiguousArray<MachineModel> = []
        var conditions: ContiguousArray<OperatingConditions> = []
        var streams: [RandomStream] = []
        for group in spec.machines {
            let c = try group.conditions()
            let p = parameters(group.kind)
            for n in 0..<group.count {
                let id = group.machineID(n)
                var stream = simulation.streams.stream("fleet/\(id)/life")
                let thresholds = FailureThresholds.draw(from: &stream)
                models.append(try MachineModel(
                    parameters: p, thresholds: thresholds, ambientTemperature: group.ambientTemperature,
                    initialBearingWear: group.initialBearingWear ?? group.preset.initialBearingWear))
                ids.append(id)
                conditions.append(c)
                streams.append(stream)
            }
        }
        self.ids = ids
        runningPower = zip(models, conditions).map { model, c in
            c.load * model.parameters.ratedPower + model.parameters.losses(atLoad: c.load)
        }
        frictionPower = models.map { $0.parameters.bearingFrictionLossAtFailure * $0.parameters.ratedPower }
        self.models = models
        self.conditions = conditions
        lifeStreams = streams
        technicians = Resource(name: "technicians", capacity: spec.technicians.count)
        spares = Store<Int>(name: "spare bearings")
        ledger = FleetLedger(machines: ids.count)
        bearingRenewedRuntime = Array(repeating: 0, count: ids.count)
        bearingRenewedAt = Array(repeating: 0, count: ids.count)
        failurePending = Array(repeating: false, count: ids.count)
        var meanStream = simulation.streams.stream("fleet/agent/repair-mean")
        meanRepairHours = Self.mean(of: spec.repairTime, using: &meanStream)
        machines = ids.indices.map { FleetMachine(index: $0, id: ids[$0], world: self) }
        alerts = try FleetAlerts(spec: spec, machines: ids.count)
    }

    /// The distribution's mean: exact for the usual repair-time shapes, else from 10,000 draws
    /// of a stream of its own (so no other stream is disturbed).
    static func mean(of distribution: Distribution, using stream: inout RandomStream) -> Double {
        switch distribution {
        case .exponential(let mean), .normal(let mean, _), .lognormal(let mean, _): return mean
        case .constant(let value): return value
        case .uniform(let low, let high): return (low + high) / 2
        case .triangular(let low, let mode, let high): return (low + mode + high) / 3
        case .gamma(let shape, let scale): return shape * scale
        default:
            var sum = 0.0
            for _ in 0..<10_000 { sum += distribution.sample(using: &stream) }
            return sum / 10_000
        }
    }

    /// Stops machine `i` now (status OFFLINE) until its maintenance order starts and ends.
    func takeOffline(_ i: Int) {
        models[i].status = .offline
        ledger.leaveService(i, at: simulation.now.inHours)
    }

    /// Starts the processes and periodic actions, then runs to the horizon.
    func run() throws {
        for machine in machines { simulation.start(machine) }
        if let shift = spec.technicians.shift {
            for n in 0..<spec.technicians.count {
                simulation.start(TechnicianShiftBlocker(index: n, shift: shift, technicians: technicians))
            }
        }
        for _ in 0..<spec.spareParts.bearings { spares.insert(1, at: .zero) }
        simulation.every(.days(spec.spareParts.restockDays), startingAt: .days(spec.spareParts.restockDays),
                         label: "restock") { [unowned self] sim in
            let missing = spec.spareParts.bearings - spares.count
            if missing > 0 {
                for _ in 0..<missing { spares.insert(1, at: sim.now) }
                onEvent(sim.now.inHours, -1, .restock, Double(missing))
            }
            return true
        }
        simulation.every(.seconds(stepSeconds), startingAt: .zero, label: "machine step") { [unowned self] sim in
            try step(now: sim.now)
            return true
        }
        _ = try simulation.run(until: horizon)
        closeLabels()
    }

    /// Advances every machine one physics step from `now` and checks maintenance triggers.
    ///
    /// The loop works on the models in place through a buffer pointer: reading a
    /// `MachineModel` out of the class's array would copy the whole value per access. Failures
    /// and due maintenance are collected in reused buffers and acted on after the loop, so no
    /// other code touches `models` while it is borrowed.
    private func step(now: SimTime) throws {
        let dt = stepSeconds
        let policy = spec.maintenance
        let hours = now.inHours
        let machines = self.machines
        var energyKW = 0.0
        stepFailures.removeAll(keepingCapacity: true)
        dueWork.removeAll(keepingCapacity: true)
        try conditions.withUnsafeBufferPointer { c in
            try models.withUnsafeMutableBufferPointer { m in
                for i in 0..<m.count {
                    if let failure = try m[i].advance(seconds: dt, under: c[i]) {
                        failurePending[i] = true
                        stepFailures.append((i, failure))
                    }
                    // Stored fields only: the model's computed properties (`power`,
                    // `healthScore`, `status`) take the model by value, a copy of several
                    // hundred bytes per call on this path.
                    let state = m[i].state
                    guard case .online = state.status, state.failure == nil else { continue }
                    let bearingWear = min(1, state.bearingDamage / m[i].bearingDamageAtFailure)
                    if c[i].load > 0 { energyKW += runningPower[i] + frictionPower[i] * bearingWear * bearingWear }
                    guard !failurePending[i], machines[i].isIdle else { continue }
                    switch policy.preventive {
                    case .runtimeHours(let interval):
                        if state.runtimeSeconds / 3600 - bearingRenewedRuntime[i] >= interval {
                            dueWork.append((i, false))
                            continue
                        }
                    case .calendarDays(let days):
                        if hours - bearingRenewedAt[i] >= days * 24 {
                            dueWork.append((i, false))
                            continue
                        }
                    case .none:
                        break
                    }
                    if let threshold = policy.conditionBasedHealthBelow {
                        let health = 100 * (1 - bearingWear)
                            * (1 - min(1, state.insulationAgeing / m[i].insulationAgeingAtFailure))
                            * (1 - min(1, state.electricalDamage / m[i].electricalDamageAtFailure))
                        if health < threshold { dueWork.append((i, true)) }
                    }
                }
            }
        }
        ledger.energyKWh += energyKW * dt / 3600
        for (i, failure) in stepFailures {
            let at = SimTime.seconds(failure.timeSeconds)
            simulation.schedule(at: at < now ? now : at, label: "failure") { [unowned self] sim in
                failed(i, failure, at: sim.now.inHours)
            }
        }
        for (i, conditionBased) in dueWork {
            if conditionBased {
                requestConditionBasedMaintenance(machine: i)
            } else if machines[i].order(.preventive) {
                onEvent(hours, i, .pmOrdered, modeCode(.bearing))
            }
        }
        alerts.evaluate(world: self, now: now)
    }

    /// Orders condition-based maintenance of machine `i`: the part of the mode that has used
    /// the largest fraction of its life is renewed. The hook for decision agents; ignored
    /// while the machine has an open work order or is down.
    /// - Returns: whether an order was opened.
    @discardableResult
    func requestConditionBasedMaintenance(machine i: Int) -> Bool {
        guard machines[i].isIdle, !failurePending[i], models[i].state.failure == nil else { return false }
        var worst = FailureMode.bearing
        for mode in [FailureMode.insulation, .electrical] where models[i].lifeConsumed(mode) > models[i].lifeConsumed(worst) {
            worst = mode
        }
        guard machines[i].order(.conditionBased(worst)) else { return false }
        onEvent(simulation.now.inHours, i, .cbmOrdered, modeCode(worst))
        return true
    }

    // MARK: - Work-order callbacks (from `FleetMachine`)

    private func failed(_ i: Int, _ failure: MachineFailure, at hours: Double) {
        failurePending[i] = false
        models[i].status = .offline
        ledger.recordFailure(i, failure, onsetSeconds: models[i].state.onsets[failure.mode], at: hours)
        onEvent(hours, i, .failure, modeCode(failure.mode))
        machines[i].failed(failure.mode)
    }

    func technicianGranted(_ i: Int, for job: FleetLedger.JobType, waitedHours: Double) {
        ledger.waitHours[job.rawValue] += waitedHours
        ledger.grants[job.rawValue] += 1
    }

    /// Books a technician's hands-on time from `start` to `end` (h): the part inside the crew's
    /// shifts, and the rest as overtime (a job runs on past the shift's end; none starts off shift).
    func technicianWorked(from start: Double, to end: Double) {
        let onShift = spec.technicians.shift?.workingHours(from: start, to: end) ?? end - start
        ledger.technicianOnShiftHours += onShift
        ledger.technicianOvertimeHours += max(0, end - start - onShift)
    }

    func partShortage(_ i: Int) {
        ledger.stockouts += 1
        onEvent(simulation.now.inHours, i, .partShortage, 0)
    }

    func workStarted(_ i: Int, kind: FleetEventKind, mode: FailureMode) {
        let hours = simulation.now.inHours
        alerts.jobsStarted[i] += 1
        if kind != .repairStart {
            models[i].status = .maintenance
            ledger.leaveService(i, at: hours)
            if kind == .pmStart { ledger.preventiveJobs += 1 } else { ledger.conditionBasedJobs += 1 }
        }
        onEvent(hours, i, kind, modeCode(mode))
    }

    func repairFinished(_ i: Int, mode: FailureMode, renewPart: Bool) {
        if renewPart { renew(i, mode) }
        let hours = simulation.now.inHours
        onEvent(hours, i, .repairEnd, modeCode(mode))
        onEvent(hours, i, .approvalPending, modeCode(mode))
    }

    func maintenanceFinished(_ i: Int, kind: FleetEventKind, mode: FailureMode) {
        let hours = simulation.now.inHours
        // A fault that had started is caught by the maintenance: a label with outcome 1.
        if let onset = models[i].state.onsets[mode], models[i].state.failure == nil {
            ledger.addFault(machine: i, mode: mode, onsetSeconds: onset, failureHours: nil, endHours: hours, outcome: 1)
        }
        renew(i, mode)
        models[i].status = .online
        ledger.returnToService(i, at: hours)
        onEvent(hours, i, kind, modeCode(mode))
    }

    func maintenanceAborted(_ i: Int, startedAt: Double) {
        technicianWorked(from: startedAt, to: simulation.now.inHours)
        onEvent(simulation.now.inHours, i, .pmEnd, -1)
    }

    func approved(_ i: Int) {
        models[i].status = .online
        ledger.returnToService(i, at: simulation.now.inHours)
        onEvent(simulation.now.inHours, i, .approved, 1)
    }

    func rejected(_ i: Int) {
        ledger.rejections += 1
        onEvent(simulation.now.inHours, i, .rejected, 0)
    }

    private func renew(_ i: Int, _ mode: FailureMode) {
        models[i].repair(mode, stream: &lifeStreams[i])
        if mode == .bearing {
            bearingRenewedRuntime[i] = models[i].state.runtimeSeconds / 3600
            bearingRenewedAt[i] = simulation.now.inHours
        }
    }

    private func modeCode(_ mode: FailureMode) -> Double { Double(FailureMode.allCases.firstIndex(of: mode) ?? 0) }

    /// Adds the faults still developing at the horizon to the labels.
    private func closeLabels() {
        let end = horizon.inHours
        for i in models.indices where models[i].state.failure == nil || failurePending[i] {
            for mode in FailureMode.allCases {
                guard let onset = models[i].state.onsets[mode], onset / 3600 <= end else { continue }
                if let failure = models[i].state.failure, failure.mode == mode, failure.timeSeconds / 3600 <= end { continue }
                ledger.addFault(machine: i, mode: mode, onsetSeconds: onset, failureHours: nil, endHours: end, outcome: 2)
            }
        }
    }
}
