import Foundation
import Control

/// Reading of the `facility` section; every field's unit, default and range is documented in
/// docs/scenario-format.md and enforced here (and so in the generated JSON Schema).
extension ScenarioLoader {
    /// The calibration sets this scenario's names refer to: `calibration_dir` (relative to the
    /// scenario) or the default `../calibration`.
    static func readCalibrationFolder(_ top: FieldReader) -> CalibrationLibrary {
        let given = top.string("calibration_dir", default: "")
        let folder = (top.file as NSString).deletingLastPathComponent
        if given.isEmpty { return CalibrationLibrary(folder: CalibrationLibrary.defaultFolder(forScenarioAt: top.file)) }
        return CalibrationLibrary(folder: given.hasPrefix("/") || folder.isEmpty
                                  ? given : (folder as NSString).appendingPathComponent(given))
    }

    static func readFacility(_ reader: FieldReader, calibration: CalibrationLibrary) -> FacilitySpec {
        let physics = reader.double("physics_step_seconds", default: 60, in: 5...120, unit: "s")
        let control = reader.double("control_period_seconds", default: 60, in: 5...3600, unit: "s")
        if reader.schema == nil, control.truncatingRemainder(dividingBy: physics) != 0 {
            reader.report("control_period_seconds", expected: "a whole multiple of physics_step_seconds (\(physics) s)")
        }
        let startDay = reader.int("start_day_of_year", default: 1, in: 1...366)
        let year = reader.int("start_year", default: 2025, in: 1900...2200)
        let weather = readWeather(reader.section("weather", required: false))
        let tariff = readTariff(reader.section("tariff", required: false))
        let tank = reader.optionalDouble("co2_tank_kg", in: 0...1e6, unit: "kg")
        var rooms: [RoomSpec] = []
        // Sets, not searches of the list: a facility may have 10⁵ rooms.
        var roomIDs: Set<String> = []
        for item in reader.list("rooms", required: true, itemName: "room") {
            let room = readRoom(item, calibration: calibration)
            if reader.schema == nil, !roomIDs.insert(room.id).inserted {
                item.report("id", expected: "a room id not used by another room ('\(room.id)' is taken)")
            }
            rooms.append(room)
        }
        var faults: [FaultSpec] = []
        for item in reader.list("faults", required: false, itemName: "fault") {
            let fault = FaultSpec(
                room: item.string("room"),
                device: item.string("device", allowed: FaultSpec.devices),
                startHours: item.double("start_hours", in: 0...1e7, unit: "hours"),
                durationHours: item.double("duration_hours", in: 1e-3...1e7, unit: "hours"),
                availability: item.double("availability", default: 0, in: 0...1, unit: "fraction of capacity"))
            if reader.schema == nil, !fault.room.isEmpty, !roomIDs.contains(fault.room) {
                item.report("room", expected: unknownRoom(fault.room, rooms: rooms, sink: item.sink))
            }
            item.finish()
            faults.append(fault)
        }
        let machines = readRoomMachines(reader, rooms: rooms)
        let useDefaults = reader.bool("default_rules", default: true)
        var rules = useDefaults ? RuleSet.growRoom.rules : []
        let custom = readRules(reader.list("rules", required: false, itemName: "rule"),
                               allowedSignals: FacilitySpec.roomChannels, allowedTargets: ["lights"])
        if reader.schema == nil {
            for rule in custom where rules.contains(where: { $0.id == rule.id }) {
                reader.report("rules", expected: "rule ids other than the defaults' (\(rule.id) is taken; "
                              + "set default_rules: false to replace them)")
            }
        }
        rules += custom
        let agent = reader.string("agent", default: "none", allowed: FacilitySpec.AgentChoice.allCases.map(\.rawValue))
        reader.finish()
        var spec = FacilitySpec(physicsStepSeconds: physics, controlPeriodSeconds: control, startDayOfYear: startDay,
                            startYear: year, weather: weather, tariff: tariff,
                            co2TankKilograms: tank, rooms: rooms, faults: faults)
        spec.rules = rules
        spec.machines = machines.machines
        spec.machineTechnicians = machines.technicians
        spec.agent = FacilitySpec.AgentChoice(rawValue: agent) ?? .none
        return spec
    }

    /// What a reference to an unknown room should have been: a room id, with the first few
    /// listed and the closest as a suggestion. Bounded for huge facilities: at most 10 ids
    /// are listed, and the suggestion is looked for among at most 1000 rooms (an edit distance
    /// to each of 10⁵ generated ids per bad reference would make a bad file slow to report).
    static func unknownRoom(_ id: String, rooms: [RoomSpec], sink: IssueSink) -> String {
        let listedRooms = 10
        let listed = rooms.prefix(listedRooms).map(\.id).joined(separator: ", ")
            + (rooms.count > listedRooms ? " … (\(rooms.count) rooms)" : "")
        let hint = sink.isFull || rooms.count > 1000 ? nil : Suggestion.closest(to: id, among: rooms.map(\.id))
        return "the id of a room of this facility: \(listed)" + (hint.map { " (did you mean '\($0)'?)" } ?? "")
    }

    private static func readWeather(_ reader: FieldReader?) -> WeatherSpec {
        let fallback = WeatherSpec.synthetic(latitude: 52, annualMeanTemperature: 10, seasonalAmplitude: 8, dailyAmplitude: 4)
        guard let reader else { return fallback }
        let path = reader.existingFile("file", description: "CSV (hour,temperature_c,relative_humidity_pct,...) or EPW weather file")
        let latitude = reader.double("latitude_deg", default: 52, in: -66...66, unit: "degrees")
        let mean = reader.double("annual_mean_temperature_c", default: 10, in: -30...40, unit: "°C")
        let seasonal = reader.double("seasonal_amplitude_c", default: 8, in: 0...30, unit: "°C")
        let daily = reader.double("daily_amplitude_c", default: 4, in: 0...20, unit: "°C")
        reader.finish()
        if let path {
            let spec = WeatherSpec.file(path: path)
            // Parsed as the run parses it; a stored scenario's file need not exist any more.
            if reader.schema == nil, !reader.sink.readsBackARun {
                do { _ = try spec.fileSeries() } catch {
                    reader.report("file", expected: "a weather file the run can read: \(error)")
                }
            }
            return spec
        }
        return .synthetic(latitude: latitude, annualMeanTemperature: mean, seasonalAmplitude: seasonal, dailyAmplitude: daily)
    }

    private static func readTariff(_ reader: FieldReader?) -> TariffSpec {
        guard let reader else { return TariffSpec(pricing: .flat(pricePerKWh: 0.15), demandChargePerKW: 0, currency: "USD") }
        let issuesBefore = reader.issueCount
        let kind = reader.string("kind", default: "flat", allowed: ["flat", "time_of_use", "real_time"])
        let price = reader.double("price_per_kwh", default: 0.15, in: 0...10, unit: "currency/kWh")
        var seasons: [TimeOfUseSeasonSpec] = []
        for item in reader.list("seasons", required: false, itemName: "time-of-use season") {
            let name = item.string("name", default: "season \(seasons.count + 1)")
            let first = item.int("from_month", default: 1, in: 1...12)
            let last = item.int("to_month", default: 12, in: 1...12)
            let weekday = readDayPrices(item.section("weekday", required: true), fallback: price)
            let weekend = readDayPrices(item.section("weekend", required: false), fallback: weekday.otherwise)
            item.finish()
            seasons.append(TimeOfUseSeasonSpec(name: name, firstMonth: first, lastMonth: last, weekday: weekday,
                                               weekend: weekend))
        }
        let series = reader.existingFile("prices_file", description: "hourly real-time prices: CSV hour,price_per_kwh")
        let demand = reader.double("demand_charge_per_kw", default: 0, in: 0...1000, unit: "currency/kW-month")
        let currency = reader.string("currency", default: "USD")
        let emission = reader.double("emission_factor_kg_per_kwh", default: 0.39, in: 0...2, unit: "kg CO2/kWh")
        let pricing: TariffSpec.Pricing
        switch kind {
        case "time_of_use":
            if reader.schema == nil, seasons.isEmpty {
                reader.report("seasons", expected: "at least one season for a time_of_use tariff")
            }
            pricing = .timeOfUse(seasons: seasons)
        case "real_time":
            if reader.schema == nil, series == nil, reader.peek("prices_file") == nil {
                reader.report("prices_file", expected: "a prices_file for a real_time tariff")
            }
            pricing = .realTime(path: series ?? "")
        default:
            pricing = .flat(pricePerKWh: price)
        }
        reader.finish()
        var tariff = TariffSpec(pricing: pricing, demandChargePerKW: demand, currency: currency)
        tariff.emissionFactorKgPerKWh = emission
        // Built as the run builds it (price file read, schedule checked), for otherwise valid
        // values; a stored scenario's price file need not exist any more.
        if reader.schema == nil, reader.issueCount == issuesBefore, !(reader.sink.readsBackARun && kind == "real_time") {
            do { _ = try tariff.model() } catch {
                reader.report(kind == "real_time" ? "prices_file" : "seasons", expected: "a tariff the run can use: \(error)")
            }
        }
        return tariff
    }

    private static func readDayPrices(_ reader: FieldReader?, fallback: Double) -> DayPricesSpec {
        guard let reader else { return DayPricesSpec(windows: [], otherwise: fallback) }
        let otherwise = reader.double("otherwise_per_kwh", default: fallback, in: 0...10, unit: "currency/kWh")
        var windows: [DayPricesSpec.Window] = []
        for item in reader.list("windows", required: false, itemName: "priced window") {
            let from = item.double("from_hour", in: 0...24, unit: "hour of day")
            let to = item.double("to_hour", in: 0...24, unit: "hour of day")
            if item.schema == nil, to <= from {
                item.report("to_hour", expected: "an hour after from_hour (\(from)); split a window that spans midnight in two")
            }
            windows.append(.init(fromHour: from, toHour: to,
                                 pricePerKWh: item.double("price_per_kwh", in: 0...10, unit: "currency/kWh")))
            item.finish()
        }
        reader.finish()
        return DayPricesSpec(windows: windows, otherwise: otherwise)
    }
}
