import SimKernel
import TwinModels
import Scenario

/// The machines behind the rooms' devices (`facility.machines`): compressors, fans and
/// irrigation pumps whose wear is driven by the room's own commands and whose failures take
/// the device out of service until a technician has repaired it.
///
/// Coupling, every control period t (after the rooms have stepped and set their commands for
/// [t, t + Δt]):
/// - load = the device's command fraction (cooling or dehumidification command, 1 for the
///   always-on fans, 1 while the pump runs an irrigation event, else 0); ambient = the room's
///   air temperature unless the scenario gives the plant room's; cooling factor and bearing
///   wear multiplier from the preset and overrides. Each `MachineModel` is advanced over
///   [t, t + Δt], one control period ahead of the kernel clock as in the fleet runner.
/// - A failure returned by `advance` becomes an event at its exact time: the device's
///   availability drops to 0 (irrigation: no more events), and a repair starts at once or
///   when one of the shared technicians is free. At the end of the repair the failed part is
///   renewed (new threshold from the machine's life stream) and the device is available again.
/// - Efficiency loss: the device's electric power is multiplied by the machine's
///   P/P_new = 1 + k_f·P_rated·w_b²/(L·P_rated + P_loss(L)) (extra bearing friction).
/// - Irrigation pumps water their room's root zone (`RootZoneWater`): depletion grows with the
///   room's transpiration, an event every `interval_hours` refills it while the pump works,
///   and Ks goes to the room (`GrowRoom.waterStress`): it multiplies the crop's assimilation
///   and the canopy's transpiration (stomatal closure, so the canopy also runs warmer).
///
/// Streams: `facility/machine/<id>/life` (failure thresholds, new parts) and
/// `facility/machine/<id>/repair` (repair times), one pair per machine.
final class RoomMachines {
    let specs: [RoomMachineSpec]
    /// Index of each machine's room in the facility's rooms.
    let roomIndex: [Int]
    // A run is single-threaded: stored properties skip the dynamic exclusivity checks,
    // which cost more than the work they guard (docs/kernel.md).
    @exclusivity(unchecked) var models: [MachineModel]
    @exclusivity(unchecked) var lifeStreams: [RandomStream]
    @exclusivity(unchecked) var repairStreams: [RandomStream]
    /// The load of the current span, × rated.
    @exclusivity(unchecked) private(set) var loads: [Double]
    /// The device is in service (false from a failure to the end of its repair).
    @exclusivity(unchecked) private(set) var available: [Bool]
    /// Root zones watered by irrigation pumps (nil for other machines).
    @exclusivity(unchecked) private(set) var rootZones: [RootZoneWater?]
    /// Hours with Ks < 1, per machine (irrigation pumps only).
    @exclusivity(unchecked) private(set) var waterStressHours: [Double]
    @exclusivity(unchecked) private var nextIrrigationHours: [Double]
    @exclusivity(unchecked) private var pumpSecondsLeft: [Double]
    @exclusivity(unchecked) private var failurePending: [Bool]
    /// Failures and downtime in hours, with the ground-truth fault rows (the fleet's ledger).
    let ledger: FleetLedger
    /// Shared technicians (nil = unlimited) and the failed machines waiting for one, in order.
    let technicians: Int?
    @exclusivity(unchecked) private var busyTechnicians = 0
    @exclusivity(unchecked) private var waiting: [(machine: Int, mode: FailureMode)] = []
    @exclusivity(unchecked) private(set) var repairs = 0
    unowned let world: FacilityWorld

    init(spec: FacilitySpec, world: FacilityWorld) throws {
        self.world = world
        specs = spec.machines
        var rooms: [Int] = []
        var models: [MachineModel] = []
        var life: [RandomStream] = []
        var repair: [RandomStream] = []
        var zones: [RootZoneWater?] = []
        for machine in spec.machines {
            guard let room = world.rooms.firstIndex(where: { $0.spec.id == machine.room }) else {
                throw RunError(code: .simulation, message: "machine '\(machine.id)' serves unknown room '\(machine.room)'")
            }
            var stream = world.simulation.streams.stream("facility/machine/\(machine.id)/life")
            let thresholds = FailureThresholds.draw(from: &stream)
            models.append(try MachineModel(
                parameters: MachineParameters.preset(for: machine.kind), thresholds: thresholds,
                ambientTemperature: machine.ambientTemperature ?? Self.clampAmbient(world.rooms[room].airTemperature),
                initialBearingWear: machine.resolvedInitialBearingWear))
            life.append(stream)
            repair.append(world.simulation.streams.stream("facility/machine/\(machine.id)/repair"))
            rooms.append(room)
            zones.append(try machine.irrigation.map {
                try RootZoneWater(totalAvailableWater: $0.totalAvailableWater, depletionFraction: $0.depletionFraction)
            })
        }
        roomIndex = rooms
        self.models = models
        lifeStreams = life
        repairStreams = repair
        rootZones = zones
        let n = specs.count
        loads = Array(repeating: 0, count: n)
        available = Array(repeating: true, count: n)
        waterStressHours = Array(repeating: 0, count: n)
        nextIrrigationHours = Array(repeating: 0, count: n)
        pumpSecondsLeft = Array(repeating: 0, count: n)
        failurePending = Array(repeating: false, count: n)
        ledger = FleetLedger(machines: n)
        technicians = spec.machineTechnicians
        for room in Set(rooms).sorted() where specs.indices.contains(where: { rooms[$0] == room && specs[$0].serves != .irrigation }) {
            world.rooms[room].machinePowerFactors = RoomMachinePowerFactors()
        }
    }

    /// The ambient range the machine model accepts, °C.
    static func clampAmbient(_ celsius: Double) -> Double { min(60, max(-40, celsius)) }

    /// Steps the machines every control period, after the rooms (same time, later sequence).
    func start(period: SimTime, seconds: Double) {
        world.simulation.every(period, startingAt: .zero, label: "room machines") { [unowned self] sim in
            try step(now: sim.now, seconds: seconds)
            return true
        }
    }

    /// One control period [now, now + seconds] of every machine.
    func step(now: SimTime, seconds: Double) throws {
        let hours = now.inHours
        for i in specs.indices {
            let room = world.rooms[roomIndex[i]]
            let spec = specs[i]
            var load: Double
            switch spec.serves {
            case .cooling: load = room.command.cooling
            case .dehumidifier: load = room.command.dehumidification
            case .fans: load = 1
            case .irrigation: load = irrigate(i, room: room, hours: hours, seconds: seconds)
            }
            load = available[i] ? min(2, max(0, load)) : 0
            loads[i] = load
            let conditions = try OperatingConditions(
                load: load, ambientTemperature: spec.ambientTemperature ?? Self.clampAmbient(room.airTemperature),
                coolingFactor: spec.resolvedCoolingFactor, bearingWearMultiplier: spec.resolvedBearingWearMultiplier)
            if let failure = try models[i].advance(seconds: seconds, under: conditions) {
                failurePending[i] = true
                let at = SimTime.seconds(failure.timeSeconds)
                world.simulation.schedule(at: at < now ? now : at, priority: .high, label: "machine failure") {
                    [unowned self] sim in failed(i, failure, at: sim.now.inHours)
                }
            }
            if let device = device(of: spec.serves) { room.machinePowerFactors?[device] = powerFactor(i) }
        }
    }

    /// Runs machine `i`'s irrigation over the period: an event when due (if the pump works),
    /// then the crop's uptake. - Returns: the pump's load, × rated.
    private func irrigate(_ i: Int, room: GrowRoom, hours: Double, seconds: Double) -> Double {
        guard var zone = rootZones[i], let plan = specs[i].irrigation else { return 0 }
        if hours + 1e-9 >= nextIrrigationHours[i] {
            nextIrrigationHours[i] += plan.intervalHours
            if available[i], !failurePending[i] {
                zone.irrigate()
                pumpSecondsLeft[i] = plan.eventMinutes * 60
            }
        }
        let pumping = pumpSecondsLeft[i] > 0 && available[i]
        pumpSecondsLeft[i] = max(0, pumpSecondsLeft[i] - seconds)
        // Transpiration, kg s⁻¹ over the room, is mm s⁻¹ over the canopy; the room's climate
        // already multiplies it by the Ks in force (FAO-56 eq. 80), so it is the actual uptake.
        zone.take(actual: room.transpirationRate / room.canopyArea * seconds)
        let ks = zone.stressCoefficient
        if ks < 1 { waterStressHours[i] += seconds / 3600 }
        room.waterStress = ks
        rootZones[i] = zone
        return pumping ? 1 : 0
    }

    /// The device a machine drives (nil: the irrigation pump, which has no room device).
    func device(of serves: RoomMachineSpec.Serves) -> RoomEquipment.Device? {
        switch serves {
        case .cooling: .cooling
        case .dehumidifier: .dehumidifier
        case .fans: .fans
        case .irrigation: nil
        }
    }

    /// Electric power over that of the same machine with new bearings, at the current load.
    func powerFactor(_ i: Int) -> Double {
        let p = models[i].parameters
        let load = loads[i]
        guard load > 0 else { return 1 }
        let w = models[i].bearingWear
        return 1 + p.bearingFrictionLossAtFailure * p.ratedPower * w * w / (load * p.ratedPower + p.losses(atLoad: load))
    }

    // MARK: - Failure and repair

    private func failed(_ i: Int, _ failure: MachineFailure, at hours: Double) {
        failurePending[i] = false
        available[i] = false
        models[i].status = .offline
        ledger.recordFailure(i, failure, onsetSeconds: models[i].state.onsets[failure.mode], at: hours)
        if let device = device(of: specs[i].serves) { world.rooms[roomIndex[i]].setAvailability(0, of: device) }
        world.onEvent(hours, roomIndex[i], .machineFailure, Double(i))
        if let technicians, busyTechnicians >= technicians {
            waiting.append((i, failure.mode))
        } else {
            startRepair(i, failure.mode)
        }
    }

    private func startRepair(_ i: Int, _ mode: FailureMode) {
        busyTechnicians += 1
        let hours = max(0, specs[i].repairTime.sample(using: &repairStreams[i]))
        world.onEvent(world.simulation.now.inHours, roomIndex[i], .machineRepairStart, Double(i))
        world.simulation.schedule(after: .hours(hours), priority: .high, label: "machine repair") { [unowned self] sim in
            repaired(i, mode, at: sim.now.inHours)
        }
    }

    private func repaired(_ i: Int, _ mode: FailureMode, at hours: Double) {
        busyTechnicians -= 1
        repairs += 1
        models[i].repair(mode, stream: &lifeStreams[i])
        models[i].status = .online
        available[i] = true
        ledger.returnToService(i, at: hours)
        if let device = device(of: specs[i].serves) { world.rooms[roomIndex[i]].setAvailability(1, of: device) }
        world.onEvent(hours, roomIndex[i], .machineRepaired, Double(i))
        if !waiting.isEmpty {
            let next = waiting.removeFirst()
            startRepair(next.machine, next.mode)
        }
    }
}
