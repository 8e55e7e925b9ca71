import SimKernel

/// One batch's way through the plant, as a kernel process: wait for a station, hold for its
/// processing time, give the station back, move on.
///
/// Trimming and packaging run only in shift hours and trimming stops while the batch's
/// machine is being repaired, so their resumes repeat "work until the shift ends, the
/// machine fails or the work is done".
final class BatchProcess: SimProcess {
    enum Phase { case awaitingDryer, drying, awaitingCure, curing, awaitingTrimmer, trimming, awaitingLine, packaging }
    let batch: Int
    unowned let plant: ProcessingPlant
    // A run is single-threaded: stored properties skip the dynamic exclusivity checks,
    // which cost more than the work they guard (docs/kernel.md).
    @exclusivity(unchecked) var stream: RandomStream
    @exclusivity(unchecked) var phase = Phase.awaitingDryer
    @exclusivity(unchecked) var station = 0
    /// Work left at the current shift-bound station, hours, and the start of the running stretch.
    @exclusivity(unchecked) var workLeft = 0.0
    @exclusivity(unchecked) var stretchStart: Double?

    init(id: Int, plant: ProcessingPlant, stream: RandomStream) {
        self.batch = id
        self.plant = plant
        self.stream = stream
        super.init(name: "batch \(id)")
    }

    override func resume(_ wake: Wake) throws {
        switch (wake, phase) {
        case (.started, _):
            plant.enter(.waitingDrying, batch: batch)
            if let room = tryGet(from: plant.dryingSlots) { try startDrying(room) } else { get(from: plant.dryingSlots) }
        case (_, .awaitingDryer):
            guard let room = received(from: plant.dryingSlots) else { return }
            try startDrying(room)
        case (_, .drying):
            end(.drying)
            plant.dryingSlots.insert(station, at: now)
            plant.enter(.waitingCuring, batch: batch)
            phase = .awaitingCure
            if let slot = tryGet(from: plant.curingSlots) { try startCuring(slot) } else { get(from: plant.curingSlots) }
        case (_, .awaitingCure):
            guard let slot = received(from: plant.curingSlots) else { return }
            try startCuring(slot)
        case (_, .curing):
            end(.curing)
            plant.curingSlots.insert(station, at: now)
            plant.enter(.waitingTrimming, batch: batch)
            phase = .awaitingTrimmer
            if let machine = tryGet(from: plant.trimmerSlots) { startTrimming(machine) } else { get(from: plant.trimmerSlots) }
        case (_, .awaitingTrimmer):
            guard let machine = received(from: plant.trimmerSlots) else { return }
            startTrimming(machine)
        case (_, .trimming):
            if work(machine: plant.machines[station]) { return }
            end(.trimming)
            try plant.finishTrimming(batch: batch, stream: &stream)
            plant.trimmerSlots.insert(station, at: now)
            plant.enter(.waitingPackaging, batch: batch)
            phase = .awaitingLine
            if let line = tryGet(from: plant.packagingSlots) { startPackaging(line) } else { get(from: plant.packagingSlots) }
        case (_, .awaitingLine):
            guard let line = received(from: plant.packagingSlots) else { return }
            startPackaging(line)
        case (_, .packaging):
            if work(machine: nil) { return }
            end(.packaging)
            plant.packagingSlots.insert(station, at: now)
            try plant.grade(batch: batch, stream: &stream)
            plant.enter(.finished, batch: batch)
        }
    }

    private func begin(_ step: BatchRecord.Step, station: Int, stage: BatchStage) {
        self.station = station
        plant.records[batch].start[step.rawValue] = now.inHours
        plant.records[batch].station[step.rawValue] = Double(station)
        plant.enter(stage, batch: batch)
    }

    private func end(_ step: BatchRecord.Step) { plant.records[batch].end[step.rawValue] = now.inHours }

    private func startDrying(_ room: Int) throws {
        begin(.drying, station: room, stage: .drying)
        phase = .drying
        hold(until: Self.time(atHours: now.inHours + (try plant.dry(batch: batch, room: room))))
    }

    private func startCuring(_ slot: Int) throws {
        begin(.curing, station: slot, stage: .curing)
        phase = .curing
        hold(until: Self.time(atHours: now.inHours + (try plant.cure(batch: batch))))
    }

    private func startTrimming(_ machine: Int) {
        begin(.trimming, station: machine, stage: .trimming)
        phase = .trimming
        let spec = plant.spec.trimming
        workLeft = plant.records[batch].massKg * Double(spec.passes) / spec.throughputKgPerHour
        stretchStart = nil
        _ = work(machine: plant.machines[machine])
    }

    private func startPackaging(_ line: Int) {
        begin(.packaging, station: line, stage: .packaging)
        phase = .packaging
        workLeft = plant.records[batch].massKg / plant.spec.packaging.throughputKgPerHour
        stretchStart = nil
        _ = work(machine: nil)
    }

    /// Books the stretch just worked, then starts the next wait; false when the work is done.
    private func work(machine: TrimmingMachine?) -> Bool {
        // A tolerance of a few ticks absorbs the rounding of hours to whole microseconds.
        let t = now.inHours + 1e-9
        if let started = stretchStart {
            let worked = now.inHours - started
            workLeft -= worked
            stretchStart = nil
            if let machine, machine.operate(hours: worked, endingAt: now.inHours) {
                plant.records[batch].breakdownsSeen += 1
                plant.simulation.fingerprint.combine(now.inHours)
            }
        }
        if workLeft <= 1e-6 { return false }
        if let machine, let until = machine.downUntil, machine.isDown(atHours: t) {
            hold(until: Self.time(atHours: until))
            return true
        }
        var window = plant.calendar.workingInterval(atOrAfter: t)
        if window.end - window.start < 1e-6 { window = plant.calendar.workingInterval(atOrAfter: window.end + 1e-9) }
        if window.start > t {
            hold(until: Self.time(atHours: window.start))
            return true
        }
        let stretch = min(workLeft, window.end - now.inHours, machine?.hoursToFailure ?? .infinity)
        stretchStart = now.inHours
        hold(until: Self.time(atHours: now.inHours + max(stretch, 1e-6)))
        return true
    }

    /// The first tick at or after `hours`, so a process never wakes before a boundary.
    static func time(atHours hours: Double) -> SimTime {
        SimTime(ticks: Int64((hours * Double(SimTime.ticksPerHour)).rounded(.up)))
    }
}
