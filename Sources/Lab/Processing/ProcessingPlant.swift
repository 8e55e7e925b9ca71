import Foundation
import SimKernel
import TwinModels
import Scenario

/// The post-harvest plant as a kernel model: batches are processes that take slots from
/// capacity-limited stations (stores of station tokens), in the order intake → drying →
/// curing → trimming → packaging → lab.
///
/// Drying rooms, curing positions, trimming machines and packaging lines are `Store<Int>`s
/// whose items are the station ids; a batch waiting for a station waits in that store's
/// FIFO getter queue. Trimming and packaging work only in shift hours; trimmers break down.
/// Randomness: `processing/arrivals` (cultivar, weight), `processing/room/<r>` (daily
/// condition offsets), `processing/trimmer/<m>` (failures, repairs), `processing/batch/<id>`
/// (potency, mould, foreign material, lab noise) — one stream per component.
final class ProcessingPlant {
    let spec: ProcessingSpec
    let simulation: Simulation
    let horizonHours: Double
    let calendar: ShiftCalendar
    let kinetics: DryingKinetics
    let curingModel: CuringModel
    let mould = MouldRisk()
    let foreignMaterial: ForeignMaterialRisk
    let potencyDecay = PotencyDecay()
    let grading: LabGrading

    let dryingSlots: Store<Int>
    let curingSlots: Store<Int>
    let trimmerSlots: Store<Int>
    let packagingSlots: Store<Int>
    let machines: [TrimmingMachine]
    /// Daily offsets of each drying room from its set points: [room][day] (°C, % RH).
    let roomOffsets: [[(temperature: Double, humidity: Double)]]

    // A run is single-threaded: stored properties skip the dynamic exclusivity checks,
    // which cost more than the work they guard (docs/kernel.md).
    @exclusivity(unchecked) var records: [BatchRecord] = []
    @exclusivity(unchecked) var stageCounts = [Int](repeating: 0, count: BatchStage.allCases.count)
    @exclusivity(unchecked) var inPlant: TimeWeightedStatistic
    @exclusivity(unchecked) var monitor: QualityMonitor
    /// Called with (hours, batch id, stage) at every stage change.
    @exclusivity(unchecked) var onStage: ((Double, Int, BatchStage) -> Void)?

    /// Names of the facility rooms batches come from (`rooms` attribute of the batch table);
    /// nil when the plant generates its own arrivals.
    @exclusivity(unchecked) var sourceRooms: [String]?

    /// - Parameter fed: batches come from a facility's harvests through
    ///   ``receive(dryMatterKg:cultivar:room:at:)``; the plant schedules no arrivals of its own.
    init(spec: ProcessingSpec, seed: UInt64, horizonHours: Double, fed: Bool = false) throws {
        self.spec = spec
        self.horizonHours = horizonHours
        simulation = Simulation(seed: seed)
        do {
            calendar = try ShiftCalendar(startHour: spec.shifts.startHour, endHour: spec.shifts.endHour,
                                         days: Set(spec.shifts.days), startWeekday: spec.shifts.startWeekday)
        } catch {
            throw RunError(code: .simulation, message: "processing shifts: \(error)")
        }
        kinetics = DryingKinetics()
        curingModel = CuringModel(isotherm: kinetics.isotherm, burpsPerDay: spec.curing.burpsPerDay)
        foreignMaterial = ForeignMaterialRisk(perPass: spec.trimming.foreignMaterialPerPass)
        grading = LabGrading(idealMoisture: spec.grading.idealMoisture, acceptableMoisture: spec.grading.acceptableMoisture,
                             potencyForA: spec.grading.potencyForA, potencyForC: spec.grading.potencyForC)
        inPlant = TimeWeightedStatistic(at: .zero)
        monitor = QualityMonitor(spec: spec.prediction)

        dryingSlots = Store(name: "drying rooms", capacity: spec.drying.rooms * spec.drying.batchesPerRoom)
        for _ in 0..<spec.drying.batchesPerRoom { for room in 0..<spec.drying.rooms { dryingSlots.insert(room, at: .zero) } }
        curingSlots = Store(name: "curing", capacity: spec.curing.capacityBatches)
        for slot in 0..<spec.curing.capacityBatches { curingSlots.insert(slot, at: .zero) }
        trimmerSlots = Store(name: "trimmers", capacity: spec.trimming.machines)
        for machine in 0..<spec.trimming.machines { trimmerSlots.insert(machine, at: .zero) }
        packagingSlots = Store(name: "packaging lines", capacity: spec.packaging.lines)
        for line in 0..<spec.packaging.lines { packagingSlots.insert(line, at: .zero) }
        machines = (0..<spec.trimming.machines).map { [simulation] index in
            TrimmingMachine(index: index, stream: simulation.streams.stream("processing/trimmer/\(index)"),
                            timeToFailure: spec.trimming.timeToFailure, repairTime: spec.trimming.repairTime)
        }
        // Conditions are needed up to the last batch's longest drying after the horizon.
        let days = Int((horizonHours / 24).rounded(.up)) + Int(spec.drying.maximumDays.rounded(.up)) + 2
        roomOffsets = (0..<spec.drying.rooms).map { [simulation] room in
            var stream = simulation.streams.stream("processing/room/\(room)")
            let t = Distribution.normal(mean: 0, sd: max(spec.drying.temperatureSD, 1e-12))
            let h = Distribution.normal(mean: 0, sd: max(spec.drying.humiditySD, 1e-12))
            return (0..<days).map { _ in (t.sample(using: &stream), h.sample(using: &stream)) }
        }
        if !fed { try scheduleArrivals() }
    }

    /// Creates every batch arriving before the horizon, drawing cultivar and weight in arrival order.
    private func scheduleArrivals() throws {
        let arrivals = spec.arrivals
        var times: [Double] = []
        if let list = arrivals.timesHours {
            times = list.filter { $0 < horizonHours }
        } else {
            var t = 0.0
            while t < horizonHours { times.append(t); t += arrivals.intervalHours }
        }
        var stream = simulation.streams.stream("processing/arrivals")
        let totalShare = arrivals.cultivars.reduce(0) { $0 + $1.share }
        let harvestMoisture = (try? MoistureIsotherm.dryBasis(wetBasisPercent: arrivals.harvestMoisturePercent)) ?? 3.5
        for (id, time) in times.enumerated() {
            var pick = stream.uniform() * totalShare
            var cultivar = 0
            for (index, entry) in arrivals.cultivars.enumerated() {
                cultivar = index
                pick -= entry.share
                if pick < 0 { break }
            }
            let wet = max(0.1, arrivals.wetWeightKg.sample(using: &stream))
            var batchStream = simulation.streams.stream("processing/batch/\(id)")
            let c = arrivals.cultivars[cultivar]
            let thc = min(40, max(0, Distribution.normal(mean: c.thcPercentMean, sd: max(c.thcPercentSD, 1e-12))
                .sample(using: &batchStream)))
            records.append(BatchRecord(id: id, cultivar: cultivar, wetKg: wet, harvestMoisture: harvestMoisture,
                                       harvestHours: time, potency: thc))
            simulation.start(BatchProcess(id: id, plant: self, stream: batchStream), at: .hours(time))
        }
    }

    /// Moves batch `id` to `stage` at the current time.
    func enter(_ stage: BatchStage, batch id: Int) {
        let now = simulation.now
        let old = records[id].stage
        if stage == .waitingDrying { // only arrivals enter the first queue
            inPlant.add(1, at: now)
        } else {
            stageCounts[old.rawValue] -= 1
        }
        stageCounts[stage.rawValue] += 1
        if stage == .finished { inPlant.add(-1, at: now) }
        records[id].stage = stage
        simulation.fingerprint.combine(UInt64(id) << 8 | UInt64(stage.rawValue))
        onStage?(now.inHours, id, stage)
    }

    /// Drying-room air at `hours`: set point + drift + the room's offset of that day.
    func dryingConditions(room: Int, atHours hours: Double) -> (temperature: Double, humidity: Double) {
        let d = spec.drying
        let driftDays = max(0, hours / 24 - d.drift.startDay)
        let day = min(Int(hours / 24), roomOffsets[room].count - 1)
        let offset = roomOffsets[room][day]
        let temperature = min(40, max(0, d.temperature + d.drift.temperaturePerDay * driftDays + offset.temperature))
        let drifted = min(d.drift.maximumHumidity, d.relativeHumidity + d.drift.humidityPerDay * driftDays)
        return (temperature, min(98, max(5, drifted + offset.humidity)))
    }

    /// Runs to the horizon.
    func run() throws {
        try simulation.run(until: .hours(horizonHours))
    }
}
