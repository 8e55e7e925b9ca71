import Foundation
import SimKernel
import TwinModels
import Scenario
import Recording
import Control

/// Runs a `facility` scenario: rooms under weather and tariff, stepped every control period,
/// recorded every recording interval.
///
/// File layout (docs/run-file-format.md): `timeseries/rooms/<id>` per room, `timeseries/facility`
/// (weather, price, power, CO₂ tank), `events` (lights, stages, harvests, faults),
/// `labels/sensor_faults` and `labels/device_faults` (ground truth), and KPIs.
enum FacilityRun {
    /// Rows between flushes to disk (one HDF5 chunk).
    static let flushEveryRows = HDF5StorageOptions().chunkRows

    /// Event kinds in the `events` dataset; the codes are the array index.
    enum EventKind: Int, CaseIterable {
        case lightsOn, lightsOff, stage, harvest, transfer, faultStart, faultEnd, interlock, alertRaised, alertCleared
        /// Room machines (value: machine index in the `machines` attribute).
        case machineFailure, machineRepairStart, machineRepaired
        /// The high-CO₂ monitor closed the dosing valve (value: the room's CO₂, ppm).
        case co2Cutout
        var name: String {
            switch self {
            case .lightsOn: "lights_on"
            case .lightsOff: "lights_off"
            case .stage: "stage"
            case .harvest: "harvest"
            case .transfer: "transfer"
            case .faultStart: "fault_start"
            case .faultEnd: "fault_end"
            case .interlock: "interlock"
            case .alertRaised: "alert_raised"
            case .alertCleared: "alert_cleared"
            case .machineFailure: "machine_failure"
            case .machineRepairStart: "machine_repair_start"
            case .machineRepaired: "machine_repaired"
            case .co2Cutout: "co2_cutout"
            }
        }
    }

    static func record(scenario: Scenario, seed: UInt64, horizonHours: Double, into file: HDF5File?,
                       progress: ((Double) -> Void)?) throws -> RunOutcome {
        guard case .facility(let spec) = scenario.model else {
            throw RunError(code: .simulation, message: "scenario '\(scenario.id)' has no facility section")
        }
        let world = try FacilityWorld(spec: spec, seed: seed, horizonHours: horizonHours)
        let detection = try world.startDetection(scenario.detection)
        let storage = RunOutputEstimate.storage(for: scenario, horizonHours: horizonHours)
        let channels = (scenario.recordedChannels ?? FacilitySpec.roomChannels).compactMap(RoomChannel.init(rawValue:))
        let feed = try spec.processing.map {
            try HarvestFeed(spec: $0, rooms: spec.rooms, seed: seed, horizonHours: horizonHours)
        }

        var roomWriters: [TimeSeriesWriter] = []
        var facilityWriter: TimeSeriesWriter?
        var machineRecorder: RoomMachineRecorder?
        var events: TimeSeriesWriter?
        if let file {
            let series = try file.createGroup("timeseries")
            let roomsGroup = try series.createGroup("rooms")
            for room in world.rooms {
                let writer = try roomsGroup.createTimeSeries(
                    room.spec.id, columns: ["time"] + channels.map(\.rawValue), units: ["h"] + channels.map(\.unit),
                    options: storage)
                try writer.dataset.setAttribute("floor_area_m2", room.spec.floorArea)
                try writer.dataset.setAttribute("canopy_area_m2", room.spec.canopyArea)
                roomWriters.append(writer)
            }
            facilityWriter = try series.createTimeSeries(
                "facility", columns: FacilityWorld.facilityColumns.map(\.name), units: FacilityWorld.facilityColumns.map(\.unit),
                options: storage)
            if let machines = world.roomMachines {
                machineRecorder = try RoomMachineRecorder(group: try series.createGroup("machines"), machines: machines,
                                                          options: storage)
            }
            events = try file.createTimeSeries("events", columns: ["time", "room", "kind", "value"],
                                               units: ["h", "index", "code", ""], options: storage)
            try events?.dataset.setAttribute("kinds", EventKind.allCases.map(\.name))
            try events?.dataset.setAttribute("rooms", world.rooms.map(\.spec.id))
            try events?.dataset.setAttribute("stages", CropStage.allCases.map(\.rawValue))
            try events?.dataset.setAttribute("devices", RoomEquipment.Device.allCases.map(\.name))
            try events?.dataset.setAttribute("rules", spec.rules.map(\.id))
            if !spec.machines.isEmpty { try events?.dataset.setAttribute("machines", spec.machines.map(\.id)) }
            try feed?.record(in: series, interval: .minutes(scenario.recordingIntervalMinutes), storage: storage)
            try file.startSingleWriter()
        }

        let tally = RecordingTally()
        let log = HeldEventLog(writer: events)
        world.onEvent = { hours, room, kind, value in
            log.append(hours, room, kind.rawValue, value)
            if kind == .harvest { feed?.harvest(room: room, grams: value, at: world.simulation.now) }
            tally.fingerprint.combine(hours)
            tally.fingerprint.combine(value)
        }
        let interval = SimTime.minutes(scenario.recordingIntervalMinutes)
        // Without a file nothing is sampled: an in-memory run costs only the simulation. The
        // writers are captured as values: a captured variable is a box, checked on every read.
        if file != nil { world.simulation.every(interval, startingAt: .zero, priority: .low, label: "record") {
            [roomWriters, facilityWriter, machineRecorder] sim in
            let hours = sim.now.inHours
            for (index, room) in world.rooms.enumerated() {
                tally.startRow(atHours: hours)
                for channel in channels { tally.row.append(channel.value(in: room)) }
                tally.combineRow()
                try roomWriters.indices.contains(index) ? roomWriters[index].append(tally.row) : ()
            }
            let facilityRow = world.facilityRow(atHours: hours)
            for value in facilityRow { tally.fingerprint.combine(value) }
            try facilityWriter?.append(facilityRow)
            try machineRecorder?.append(atHours: hours, into: &tally.fingerprint)
            tally.rows += 1
            // Flush whole chunks at row counts only, so flush points (and files) are deterministic
            // and a killed run leaves a file readable up to the last flush.
            if tally.rows % flushEveryRows == 0 {
                try log.flush()
                for writer in roomWriters { try writer.flush() }
                try facilityWriter?.flush()
                try machineRecorder?.flush()
            }
            progress?(hours / horizonHours)
            return true
        } }
        try world.run()

        try log.close()
        for writer in roomWriters { try writer.close() }
        try facilityWriter?.close()
        try machineRecorder?.close()
        let scores = try detection.score(episodes: world.detectionEpisodes())
        var kpis = world.kpis() + (world.roomMachines?.kpis() ?? []) + scores.kpis
        var recorded = tally.fingerprint
        for kpi in kpis { recorded.combine(kpi.value) }
        recorded.combine(world.simulation.fingerprint.hex)
        var tables = world.labels() + [world.energyTable(), world.alertTable(), world.opportunityTable(),
                                       RoomDecisions.auditTable(world.decisions, world: world),
                                       world.actuatorTable(), world.comfortTable(), scores.table]
            + (world.roomMachines?.labels() ?? [])
        if let decisions = world.decisions {
            let decided = decisions.kpis(currency: spec.tariff.currency)
            for value in decisions.auditRows + decided.map(\.value) { recorded.combine(value) }
            kpis += decided
        }
        var eventCount = world.simulation.eventsProcessed
        if let plant = try feed?.finish() {
            kpis += plant.kpis
            tables += plant.tables
            recorded.combine(plant.fingerprint)
            eventCount += plant.events
        }
        return RunOutcome(fingerprint: recorded.hex, events: eventCount, kpis: kpis, tables: tables)
    }
}
