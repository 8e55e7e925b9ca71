import Foundation
import SimKernel
import TwinModels
import Scenario
import Control

/// A facility scenario built into a running simulation: rooms, weather, calendar, tariff
/// ledger, CO₂ tank and scheduled faults.
final class FacilityWorld {
    let spec: FacilitySpec
    let simulation: Simulation
    let rooms: [GrowRoom]
    let weather: any WeatherSource
    let calendar: SimulationCalendar
    // A run is single-threaded: stored properties skip the dynamic exclusivity checks,
    // which cost more than the work they guard (docs/kernel.md).
    @exclusivity(unchecked) var ledger: EnergyLedger
    let co2Tank: Container?
    let horizon: SimTime
    let controlPeriod: SimTime
    /// Receives (hours, room index, kind, value) for every recorded event.
    @exclusivity(unchecked) var onEvent: (Double, Int, FacilityRun.EventKind, Double) -> Void = { _, _, _, _ in }
    /// The last outdoor sample, for the facility time series.
    @exclusivity(unchecked) private(set) var outdoor: WeatherSample
    /// The machines behind the rooms' devices; nil when the scenario declares none.
    @exclusivity(unchecked) private(set) var roomMachines: RoomMachines?
    @exclusivity(unchecked)
    private(set) var deviceFaults: [(room: Int, device: Int, start: Double, end: Double, availability: Double)] = []
    /// The decision agent's step on raised alerts (nil: alerts are only recorded).
    @exclusivity(unchecked) var decisions: RoomDecisions?

    /// The energy-saving opportunities of the run, computed once when first asked (after the run).
    lazy var opportunityList: [(room: Int, kind: Int, measure: Double, annualSaving: Double)] = opportunities()

    /// Columns of the `timeseries/facility` dataset.
    static let facilityColumns: [(name: String, unit: String)] = [
        ("time", "h"), ("outdoor_temperature", "degC"), ("outdoor_relative_humidity", "%"),
        ("global_radiation", "W/m2"), ("electricity_price", "currency/kWh"), ("facility_power", "kW"),
        ("co2_tank", "kg"),
    ]

    init(spec: FacilitySpec, seed: UInt64, horizonHours: Double) throws {
        self.spec = spec
        let simulation = Simulation(seed: seed)
        self.simulation = simulation
        horizon = .hours(horizonHours)
        controlPeriod = .seconds(spec.controlPeriodSeconds)
        let physics = SimTime.seconds(spec.physicsStepSeconds)
        rooms = try spec.rooms.map {
            try GrowRoom(spec: $0, streams: simulation.streams, physicsStep: physics, rules: spec.rules)
        }
        calendar = try SimulationCalendar(year: spec.startYear, dayOfYear: spec.startDayOfYear)
        weather = try FacilityWorld.makeWeather(spec.weather, calendar: calendar,
                                                stream: simulation.streams.stream("weather"))
        ledger = EnergyLedger(tariff: try FacilityWorld.makeTariff(spec.tariff), calendar: calendar,
                              demandCharge: spec.tariff.demandChargePerKW > 0
                                ? try DemandCharge(pricePerKW: spec.tariff.demandChargePerKW) : nil,
                              expectedHours: horizonHours)
        co2Tank = spec.co2TankKilograms.map { Container(name: "co2-tank", capacity: $0, initialLevel: $0) }
        outdoor = weather.sample(atHours: 0)
        for room in rooms {
            let handle = try ledger.registerRoom(room.spec.id)
            room.ledgerRoom = handle
            room.booking = EnergyBooking(handles: try RoomEquipment.Device.allCases.map { device in
                try ledger.registerDevice("\(room.spec.id)/\(device.name)", room: handle)
            }, controlPeriodSeconds: spec.controlPeriodSeconds)
            simulation.attach(room.component)
        }
        if !spec.machines.isEmpty { roomMachines = try RoomMachines(spec: spec, world: self) }
        // Here rather than in the recorder, so every runner of the world (a recorded run, an
        // environment's episode) has the same agent in the loop.
        if spec.agent == .expert { decisions = RoomDecisions(agent: RoomExpertPolicy(), rooms: rooms.count) }
    }

    /// Schedules the control steps and faults, then runs to the horizon.
    func run() throws {
        start()
        try advance(to: horizon)
        try finish()
    }

    /// Runs the events before `time` (resumable: an environment steps the world this way).
    func advance(to time: SimTime) throws {
        _ = try simulation.run(until: time)
    }

    /// Books the energy still buffered; call once after the last `advance(to:)`.
    func finish() throws {
        for room in rooms { try room.booking.flush(into: &ledger) }
    }

    /// Schedules the control steps and the faults.
    func start() {
        scheduleFaults()
        let seconds = spec.controlPeriodSeconds
        simulation.every(controlPeriod, startingAt: .zero, label: "control") { [unowned self] sim in
            let hours = sim.now.inHours
            outdoor = weather.sample(atHours: hours)
            let hourOfDay = calendar.hourOfDay(atHours: hours)
            let price = ledger.tariff.price(atHours: hours, calendar: calendar)
            for (index, room) in rooms.enumerated() {
                let notes: GrowRoom.StepNotes
                do {
                    notes = try room.step(atHours: hours, seconds: seconds, hourOfDay: hourOfDay, weather: outdoor,
                                          co2Tank: co2Tank, now: sim.now, price: price, ledger: &ledger)
                } catch {
                    throw RunError(code: .simulation, message: "room '\(room.spec.id)' at hour \(hours) "
                                   + "(air \(room.airTemperature) °C, RH \(room.relativeHumidity) %, CO2 \(room.co2) ppm)",
                                   underlying: error)
                }
                if notes.lightsSwitched {
                    onEvent(hours, index, room.lightsOn ? .lightsOn : .lightsOff, room.ppfd)
                }
                if notes.harvestedGrams > 0 { onEvent(hours, index, .harvest, notes.harvestedGrams) }
                if notes.interlockTripped { onEvent(hours, index, .interlock, room.airTemperature) }
                if notes.co2CutoutTripped { onEvent(hours, index, .co2Cutout, room.co2) }
                if notes.alertEvents > 0, let engine = room.rules {
                    for event in engine.events {
                        onEvent(hours, index, event.kind == .raised ? .alertRaised : .alertCleared, Double(event.ruleIndex))
                    }
                    decisions?.review(engine.events, room: index, world: self, hours: hours, price: price)
                }
                decisions?.expire(room: index, world: self, hours: hours)
                if notes.transferredGrams > 0 { onEvent(hours, index, .transfer, notes.transferredGrams) }
                if let stage = notes.newStage {
                    onEvent(hours, index, .stage, Double(CropStage.allCases.firstIndex(of: stage) ?? 0))
                }
            }
            return true
        }
        roomMachines?.start(period: controlPeriod, seconds: seconds)
    }

    private func scheduleFaults() {
        for fault in spec.faults {
            guard let index = rooms.firstIndex(where: { $0.spec.id == fault.room }),
                  let device = RoomEquipment.Device(name: fault.device) else { continue }
            let room = rooms[index]
            deviceFaults.append((index, device.rawValue, fault.startHours, fault.startHours + fault.durationHours,
                                 fault.availability))
            simulation.schedule(at: .hours(fault.startHours), priority: .high, label: "fault") { [unowned self] sim in
                room.setAvailability(fault.availability, of: device)
                onEvent(sim.now.inHours, index, .faultStart, Double(device.rawValue))
            }
            simulation.schedule(at: .hours(fault.startHours + fault.durationHours), priority: .high,
                                label: "repair") { [unowned self] sim in
                room.setAvailability(1, of: device)
                onEvent(sim.now.inHours, index, .faultEnd, Double(device.rawValue))
            }
        }
    }

    /// The facility row of the time series now.
    func facilityRow(atHours hours: Double) -> [Double] {
        let power = rooms.reduce(0.0) { $0 + ($1.lampPower + $1.outputs.total.electricPower) / 1000 }
        return [hours, outdoor.temperature, outdoor.relativeHumidity, outdoor.globalRadiation,
                ledger.tariff.price(atHours: hours, calendar: calendar), power, co2Tank?.level ?? .infinity]
    }

    static func makeWeather(_ spec: WeatherSpec, calendar: SimulationCalendar, stream: RandomStream) throws -> any WeatherSource {
        // A file parsed as the scenario loader checked it (`WeatherSpec.fileSeries()`).
        let series: WeatherSeries?
        do {
            series = try spec.fileSeries()
        } catch let error as InputFileError {
            throw RunError(code: .input, message: error.message, underlying: error.underlying)
        }
        if let series { return series }
        guard case let .synthetic(latitude, mean, seasonal, daily) = spec else { preconditionFailure("a file has a series") }
        return try SyntheticWeather(latitude: latitude, annualMeanTemperature: mean, seasonalAmplitude: seasonal,
                                    dailyAmplitude: daily, startDayOfYear: calendar.startDayOfYear, stream: stream)
    }

    /// The tariff, built as the scenario loader checked it (`TariffSpec.model()`).
    static func makeTariff(_ spec: TariffSpec) throws -> Tariff {
        do {
            return try spec.model()
        } catch let error as InputFileError {
            throw RunError(code: .input, message: error.message, underlying: error.underlying)
        }
    }
}
