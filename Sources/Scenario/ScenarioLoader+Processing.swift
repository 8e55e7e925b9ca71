import SimKernel
import Yams

/// Reading of the `processing` section (the post-harvest plant); every field's unit, default
/// and range is documented in docs/scenario-format.md and enforced here.
extension ScenarioLoader {
    /// - Parameter fedByFacility: the scenario also has a `facility` section, whose cannabis
    ///   harvests are the plant's batches; the arrival generator's keys are then errors.
    static func readProcessing(_ reader: FieldReader, fedByFacility: Bool = false) -> ProcessingSpec {
        let arrivals = readArrivals(reader.section("arrivals", required: false), schema: reader.schema != nil,
                                    fedByFacility: fedByFacility)
        let drying = readDrying(reader.section("drying", required: false))
        let curingReader = reader.section("curing", required: false) ?? empty(reader, "curing")
        let curing = CuringStationSpec(
            capacityBatches: curingReader.int("capacity_batches", default: 40, in: 1...100_000),
            temperature: curingReader.double("temperature_c", default: 18, in: 0...40, unit: "°C"),
            relativeHumidity: curingReader.double("relative_humidity_pct", default: 62, in: 1...99, unit: "% RH"),
            days: curingReader.double("days", default: 14, in: 0...365, unit: "days"),
            burpsPerDay: curingReader.double("burps_per_day", default: 1, in: 0...24, unit: "per day"))
        curingReader.finish()
        let trim = reader.section("trimming", required: false) ?? empty(reader, "trimming")
        let trimming = TrimmingStationSpec(
            machines: trim.int("machines", default: 2, in: 1...1000),
            throughputKgPerHour: trim.double("throughput_kg_per_hour", default: 5, in: 0.01...10_000, unit: "kg/h"),
            passes: trim.int("passes", default: 2, in: 1...20),
            foreignMaterialPerPass: trim.double("foreign_material_per_pass", default: 0.02, in: 0...1, unit: "probability"),
            timeToFailure: trim.distribution("time_to_failure_hours", unit: "operating hours",
                                             default: .exponential(mean: 60)),
            repairTime: trim.distribution("repair_time_hours", unit: "hours", default: .lognormal(mean: 3, sd: 1.5)))
        trim.finish()
        let pack = reader.section("packaging", required: false) ?? empty(reader, "packaging")
        let packaging = PackagingStationSpec(
            lines: pack.int("lines", default: 1, in: 1...1000),
            throughputKgPerHour: pack.double("throughput_kg_per_hour", default: 10, in: 0.01...10_000, unit: "kg/h"))
        pack.finish()
        let shifts = readShifts(reader.section("shifts", required: false) ?? empty(reader, "shifts"))
        let grade = reader.section("grading", required: false) ?? empty(reader, "grading")
        let idealLow = grade.double("ideal_moisture_min_pct", default: 10, in: 0...100, unit: "% w.b.")
        let idealHigh = grade.double("ideal_moisture_max_pct", default: 12.5, in: 0...100, unit: "% w.b.")
        let okLow = grade.double("acceptable_moisture_min_pct", default: 8.5, in: 0...100, unit: "% w.b.")
        let okHigh = grade.double("acceptable_moisture_max_pct", default: 14, in: 0...100, unit: "% w.b.")
        if grade.schema == nil, !(okLow <= idealLow && idealLow < idealHigh && idealHigh <= okHigh) {
            grade.report("ideal_moisture_max_pct", expected: "acceptable_min ≤ ideal_min < ideal_max ≤ acceptable_max")
        }
        let grading = GradingSpec(
            idealMoisture: idealLow...max(idealLow, idealHigh), acceptableMoisture: okLow...max(okLow, okHigh),
            potencyForA: grade.double("potency_for_a_pct", default: 18, in: 0...40, unit: "% THC"),
            potencyForC: grade.double("potency_for_c_pct", default: 12, in: 0...40, unit: "% THC"),
            moistureNoiseSD: grade.double("moisture_noise_sd_pct", default: 0.3, in: 0...10, unit: "% points"),
            potencyNoiseSD: grade.double("potency_noise_sd_pct", default: 0.5, in: 0...10, unit: "% THC"))
        grade.finish()
        let predict = reader.section("prediction", required: false) ?? empty(reader, "prediction")
        let prediction = PredictionSpec(
            trainingDays: predict.double("training_days", default: 60, in: 1...100_000, unit: "days"),
            windowDays: predict.double("window_days", default: 30, in: 1...100_000, unit: "days"),
            retrainDrop: predict.double("retrain_drop", default: 0.10, in: 0...1, unit: "fraction"))
        predict.finish()
        reader.finish()
        return ProcessingSpec(arrivals: arrivals, drying: drying, curing: curing, trimming: trimming,
                              packaging: packaging, shifts: shifts, grading: grading, prediction: prediction)
    }

    /// A reader over an empty mapping, so an absent section yields every default.
    private static func empty(_ parent: FieldReader, _ key: String) -> FieldReader {
        FieldReader(file: parent.file, path: parent.fieldPath(key), node: .mapping(.init([])), sink: parent.sink)
    }

    private static func readArrivals(_ section: FieldReader?, schema: Bool, fedByFacility: Bool) -> BatchArrivalSpec {
        let reader = section ?? FieldReader(file: "", path: "arrivals", node: .mapping(.init([])), sink: IssueSink())
        if fedByFacility, reader.schema == nil {
            for key in ["interval_hours", "times_hours", "wet_weight_kg"] where reader.peek(key) != nil {
                reader.report(key, expected: "no arrival generator in a processing section fed by the facility: every "
                              + "cannabis harvest is a batch (keep only harvest_moisture_pct and cultivars)")
            }
        }
        let interval = reader.double("interval_hours", default: 12, in: 0.01...100_000, unit: "hours")
        let times = reader.numbers("times_hours", in: 0...1e7, unit: "hours")
        if reader.schema == nil, let times, zip(times, times.dropFirst()).contains(where: { $0 > $1 }) {
            reader.report("times_hours", expected: "arrival times in ascending order")
        }
        let weight = reader.distribution("wet_weight_kg", unit: "kg", default: .normal(mean: 40, sd: 6))
        let moisture = reader.double("harvest_moisture_pct", default: 78, in: 30...95, unit: "% w.b.")
        var cultivars: [CultivarSpec] = []
        for item in reader.list("cultivars", required: false, itemName: "cultivar") {
            let cultivar = CultivarSpec(
                name: item.string("name"),
                share: item.double("share", default: 1, in: 1e-9...1e9, unit: "relative share"),
                thcPercentMean: item.double("thc_pct_mean", default: 20, in: 0...40, unit: "% THC"),
                thcPercentSD: item.double("thc_pct_sd", default: 2, in: 0...20, unit: "% THC"))
            if item.schema == nil, cultivars.contains(where: { $0.name == cultivar.name }) {
                item.report("name", expected: "a cultivar name not used twice ('\(cultivar.name)')")
            }
            item.finish()
            cultivars.append(cultivar)
        }
        reader.finish()
        if cultivars.isEmpty || schema {
            cultivars = [CultivarSpec(name: "house", share: 1, thcPercentMean: 20, thcPercentSD: 2)]
        }
        return BatchArrivalSpec(intervalHours: interval, timesHours: times, wetWeightKg: weight,
                                harvestMoisturePercent: moisture, cultivars: cultivars)
    }

    private static func readDrying(_ section: FieldReader?) -> DryingStationSpec {
        let reader = section ?? FieldReader(file: "", path: "drying", node: .mapping(.init([])), sink: IssueSink())
        var drift = ConditionDriftSpec.none
        if let d = reader.section("drift", required: false) {
            drift = ConditionDriftSpec(
                startDay: d.double("start_day", default: 0, in: 0...100_000, unit: "days"),
                temperaturePerDay: d.double("temperature_c_per_day", default: 0, in: -5...5, unit: "°C/day"),
                humidityPerDay: d.double("relative_humidity_pct_per_day", default: 0, in: -10...10, unit: "% RH/day"),
                maximumHumidity: d.double("max_relative_humidity_pct", default: 95, in: 1...99, unit: "% RH"))
            d.finish()
        }
        let minimum = reader.double("min_days", default: 7, in: 0...365, unit: "days")
        let maximum = reader.double("max_days", default: 14, in: 0.01...365, unit: "days")
        if reader.schema == nil, maximum < minimum {
            reader.report("max_days", expected: "at least min_days (\(minimum))")
        }
        let spec = DryingStationSpec(
            rooms: reader.int("rooms", default: 4, in: 1...1000),
            batchesPerRoom: reader.int("batches_per_room", default: 6, in: 1...10_000),
            temperature: reader.double("temperature_c", default: 15.6, in: 0...40, unit: "°C"),
            relativeHumidity: reader.double("relative_humidity_pct", default: 60, in: 1...99, unit: "% RH"),
            temperatureSD: reader.double("temperature_sd_c", default: 0.5, in: 0...10, unit: "°C"),
            humiditySD: reader.double("relative_humidity_sd_pct", default: 2, in: 0...30, unit: "% RH"),
            drift: drift,
            targetMoisturePercent: reader.double("target_moisture_pct", default: 12, in: 1...80, unit: "% w.b."),
            minimumDays: minimum, maximumDays: maximum)
        reader.finish()
        return spec
    }

    private static func readShifts(_ reader: FieldReader) -> ShiftSpec {
        let start = reader.double("start_hour", default: 6, in: 0...24, unit: "hour of day")
        let end = reader.double("end_hour", default: 22, in: 0...24, unit: "hour of day")
        if reader.schema == nil, end <= start {
            reader.report("end_hour", expected: "an hour after start_hour (\(start)); shifts may not cross midnight")
        }
        let names = reader.names("days", allowed: ShiftSpec.weekdayNames) ?? Array(ShiftSpec.weekdayNames.prefix(5))
        if reader.schema == nil, names.isEmpty { reader.report("days", expected: "at least one working day") }
        let weekday = reader.string("start_weekday", default: "mon", allowed: ShiftSpec.weekdayNames)
        reader.finish()
        return ShiftSpec(startHour: start, endHour: end,
                         days: names.compactMap { ShiftSpec.weekdayNames.firstIndex(of: $0) },
                         startWeekday: ShiftSpec.weekdayNames.firstIndex(of: weekday) ?? 0)
    }
}
