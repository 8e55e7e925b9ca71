/// Reading of one `facility.rooms[]` entry, with equipment sized from the lighting load when
/// the grower leaves it out.
extension ScenarioLoader {
    static func readRoom(_ reader: FieldReader, calibration: CalibrationLibrary) -> RoomSpec {
        let id = reader.string("id")
        reader.checkID("id", id, names: "the dataset timeseries/rooms/<id>")
        let issuesBefore = reader.issueCount
        let floor = reader.double("floor_area_m2", in: 1...100_000, unit: "m²")
        let floorValid = reader.issueCount == issuesBefore
        let height = reader.double("height_m", default: 4, in: 1.5...30, unit: "m")
        let canopy = reader.double("canopy_area_m2", default: floor * 0.7, in: 0...800_000, unit: "m²")
        // Only against a valid floor area: a bad one is already reported, and a follow-on
        // error about the canopy would send the user to the wrong line.
        if reader.schema == nil, floorValid, canopy > floor * 8 {
            reader.report("canopy_area_m2", expected: "at most 8 tiers of the floor area (\(floor * 8) m²)")
        }
        let uValue = reader.optionalDouble("envelope_u_value_w_m2k", in: 0...10, unit: "W/m²K")
        let ach = reader.double("infiltration_ach", default: 0.1, in: 0...5, unit: "air changes per hour")
        let crop = readCrop(reader.section("crop", required: false), calibration: calibration)
        let lighting = readLighting(reader.section("lighting", required: false), calibration: calibration)
        let lampKW = canopy * lighting.maximumPPFD / lighting.efficacy / 1000
        let hvacReader = reader.section("hvac", required: false)
        let issuesBeforeHVAC = reader.issueCount
        let hvac = readHVAC(hvacReader, lampKW: lampKW, floor: floor, canopy: canopy)
        // Only for otherwise valid values: a bad one is already reported at its key.
        if reader.schema == nil, reader.issueCount == issuesBeforeHVAC {
            do {
                _ = try HVACDevices(spec: hvac)
            } catch {
                // A capacity left out is sized from the room: say so, or the user looks for a key they never wrote.
                let problem = "a capacity the device model accepts: \(error.underlying.message)"
                if let hvacReader, hvacReader.peek(error.key) != nil {
                    hvacReader.report(error.key, expected: problem)
                } else {
                    reader.sink.add(reader.missing(reader.fieldPath("hvac.\(error.key)"), expected: problem
                        + " (left out, it is sized from the room's floor, canopy and lamps; set it explicitly)"))
                }
            }
        }
        var setpoints = SetpointOverrides()
        if let s = reader.section("setpoints", required: false) {
            setpoints.dayTemperature = s.optionalDouble("day_temperature_c", in: 5...40, unit: "°C")
            setpoints.nightTemperature = s.optionalDouble("night_temperature_c", in: 5...40, unit: "°C")
            setpoints.vpd = s.optionalDouble("vpd_kpa", in: 0.2...3, unit: "kPa")
            setpoints.co2 = s.optionalDouble("co2_ppm", in: 300...2000, unit: "ppm")
            setpoints.dayTemperatureOffset = s.double("day_temperature_offset_c", default: 0, in: -5...5, unit: "°C")
            setpoints.nightTemperatureOffset = s.double("night_temperature_offset_c", default: 0, in: -5...5, unit: "°C")
            s.finish()
        }
        let sensors = reader.string("sensors", default: "typical", allowed: ["typical", "ideal"])
        let t0 = reader.double("initial_temperature_c", default: 22, in: -10...45, unit: "°C")
        let rh0 = reader.double("initial_relative_humidity_pct", default: 60, in: 0...100, unit: "%")
        let co20 = reader.double("initial_co2_ppm", default: 420, in: 0...5000, unit: "ppm")
        reader.finish()
        return RoomSpec(id: id, floorArea: floor, height: height, canopyArea: canopy, envelopeUValue: uValue,
                        infiltrationACH: ach, crop: crop, lighting: lighting, hvac: hvac, setpoints: setpoints,
                        sensors: sensors, initialTemperature: t0, initialRelativeHumidity: rh0, initialCO2: co20)
    }

    private static func readCrop(_ reader: FieldReader?, calibration: CalibrationLibrary) -> CropSpec {
        guard let reader else {
            return CropSpec(kind: .cannabis, startStage: "flowering", startDay: 0, photonConversionEfficiency: nil,
                            stageDays: [:], replant: true)
        }
        let cultivar = lookup(reader, key: "cultivar", kind: "cultivar", in: { calibration.cultivars() })
        let kind = CropSpec.Kind(rawValue: reader.string("kind", default: "cannabis",
                                                         allowed: CropSpec.Kind.allCases.map(\.rawValue))) ?? .cannabis
        let stages = kind == .lettuce ? ["growing"] : ["propagation", "vegetative", "flowering"]
        let stage = reader.string("start_stage", default: kind == .lettuce ? "growing" : "flowering",
                                  allowed: ["propagation", "vegetative", "flowering", "growing"])
        if reader.schema == nil, kind != .none, !stages.contains(stage) {
            reader.report("start_stage", expected: "a \(kind.rawValue) stage: \(stages.joined(separator: ", "))")
        }
        let day = reader.double("start_day", default: 0, in: 0...365, unit: "days")
        let pce = reader.optionalDouble("pce_g_per_mol", in: 0.05...1, unit: "g/mol") ?? cultivar?.photonConversionEfficiency
        var days: [String: Double] = [:]
        if let cultivar {
            days["flowering"] = cultivar.floweringDays
            days["vegetative"] = cultivar.vegetativeDays
        }
        for name in ["propagation_days", "vegetative_days", "flowering_days", "growing_days"] {
            if let value = reader.optionalDouble(name, in: 1...365, unit: "days") {
                days[String(name.dropLast(5))] = value
            }
        }
        let replant = reader.bool("replant", default: true)
        reader.finish()
        return CropSpec(kind: kind, startStage: stage, startDay: day, photonConversionEfficiency: pce,
                        stageDays: days, replant: replant, cultivar: cultivar?.name,
                        optimumTemperature: cultivar?.optimumTemperature, maximumTemperature: cultivar?.maximumTemperature)
    }

    private static func readLighting(_ reader: FieldReader?, calibration: CalibrationLibrary) -> LightingSpec {
        guard let reader else {
            return LightingSpec(lamp: .led, efficacy: 2.8, maximumPPFD: 1000, ppfd: nil, hoursOn: nil, lightsOnHour: 6)
        }
        let fixture = lookup(reader, key: "fixture", kind: "fixture", in: { calibration.fixtures() })
        let lamp = LightingSpec.Lamp(rawValue: reader.string("lamp", default: fixture?.lamp ?? "led",
                                                             allowed: LightingSpec.Lamp.allCases.map(\.rawValue))) ?? .led
        let efficacy = reader.double("efficacy_umol_per_j", default: fixture?.efficacy ?? (lamp == .led ? 2.8 : 1.7),
                                     in: 0.5...4.5, unit: "µmol/J")
        let maximum = reader.double("max_ppfd_umol_m2_s", default: 1000, in: 1...2500, unit: "µmol/m²/s")
        let ppfd = reader.optionalDouble("ppfd_umol_m2_s", in: 0...2500, unit: "µmol/m²/s")
        if reader.schema == nil, let ppfd, ppfd > maximum {
            reader.report("ppfd_umol_m2_s", expected: "at most the fixtures' max_ppfd_umol_m2_s (\(maximum))")
        }
        let hours = reader.optionalDouble("hours_on", in: 0...24, unit: "hours")
        let onHour = reader.double("lights_on_hour", default: 6, in: 0...23.99, unit: "hour of day")
        reader.finish()
        return LightingSpec(lamp: lamp, efficacy: efficacy, maximumPPFD: maximum, ppfd: ppfd, hoursOn: hours,
                            lightsOnHour: onHour)
    }

    /// Equipment; each capacity left out is sized from the room: cooling for 1.25 × the lamp
    /// load, dehumidification for 3 L per m² of canopy a day (≈ 0.125 kg m⁻² h⁻¹ transpiration),
    /// 50 W m⁻² of heating, 5 W m⁻² of fans, 5 g h⁻¹ of CO₂ and 50 g h⁻¹ of humidification per
    /// m² of canopy (young plants need it; flower rooms leave it off); no outdoor air (a sealed room).
    private static func readHVAC(_ reader: FieldReader?, lampKW: Double, floor: Double, canopy: Double) -> HVACSpec {
        let r = reader
        var spec = HVACSpec(
            coolingKW: r?.double("cooling_kw", default: 1.25 * lampKW + 0.02 * floor, in: 0...5000, unit: "kW")
                ?? 1.25 * lampKW + 0.02 * floor,
            coolingCOP: r?.double("cooling_cop", default: 3.5, in: 1.5...8, unit: "W/W") ?? 3.5,
            heatingKW: r?.double("heating_kw", default: 0.05 * floor, in: 0...5000, unit: "kW") ?? 0.05 * floor,
            heatingCOP: r?.double("heating_cop", default: 1, in: 1...8, unit: "W/W") ?? 1,
            dehumidifierLitresPerDay: r?.double("dehumidifier_l_per_day", default: min(10_000, 3 * canopy), in: 0...10_000,
                                                 unit: "L/day") ?? min(10_000, 3 * canopy),
            dehumidifierLitresPerKWh: r?.double("dehumidifier_l_per_kwh", default: 2.5, in: 0.5...6, unit: "L/kWh") ?? 2.5,
            humidifierKilogramsPerHour: r?.double("humidifier_kg_per_h", default: 0.05 * canopy, in: 0...1000, unit: "kg/h")
                ?? 0.05 * canopy,
            fanWatts: r?.double("fan_w", default: 5 * floor, in: 0...100_000, unit: "W") ?? 5 * floor,
            co2KilogramsPerHour: r?.double("co2_kg_per_h", default: 0.005 * canopy, in: 0...100, unit: "kg/h")
                ?? 0.005 * canopy,
            outdoorAirCubicMetresPerSecond: r?.double("outdoor_air_m3_per_s", default: 0, in: 0...100, unit: "m³/s") ?? 0)
        spec.co2CutoutPPM = r?.double("co2_cutout_ppm", default: 2000, in: 1000...20_000, unit: "ppm") ?? 2000
        r?.finish()
        return spec
    }

    /// Reads an optional calibration name and finds it in its set, reporting an unknown name
    /// (with a did-you-mean) or an unusable set at the key.
    private static func lookup<Entry>(_ reader: FieldReader, key: String, kind: String,
                                      in set: () -> Result<[String: Entry], CalibrationProblem>) -> Entry? {
        let name = reader.string(key, default: "")
        guard reader.schema == nil, !name.isEmpty else { return nil }
        switch set() {
        case .failure(let problem):
            reader.report(key, expected: "a \(kind) from the calibration sets, but \(problem.message)")
            return nil
        case .success(let entries):
            if let entry = entries[name] { return entry }
            let names = entries.keys.sorted()
            let hint = Suggestion.closest(to: name, among: names).map { " (did you mean '\($0)'?)" } ?? ""
            reader.report(key, expected: "one of the \(kind)s in the calibration set: \(names.joined(separator: ", "))\(hint)")
            return nil
        }
    }
}
