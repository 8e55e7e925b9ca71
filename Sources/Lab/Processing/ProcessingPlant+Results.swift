import SimKernel
import TwinModels
import Scenario

/// What a processing run reports: the sampled plant state, KPIs, and the batch, prediction
/// and breakdown tables.
extension ProcessingPlant {
    /// The value of a recorded channel now (names from `ProcessingSpec.channels`).
    func channel(_ name: String) -> Double {
        let now = simulation.now
        func count(_ stage: BatchStage) -> Double { Double(stageCounts[stage.rawValue]) }
        switch name {
        case "batches_in_plant": return inPlant.level
        case "waiting_drying": return count(.waitingDrying)
        case "drying": return count(.drying)
        case "waiting_curing": return count(.waitingCuring)
        case "curing": return count(.curing)
        case "waiting_trimming": return count(.waitingTrimming)
        case "trimming": return count(.trimming)
        case "waiting_packaging": return count(.waitingPackaging)
        case "packaging": return count(.packaging)
        case "trimmers_down": return Double(machines.filter { $0.isDown(atHours: now.inHours) }.count)
        case "drying_utilisation": return 1 - Double(dryingSlots.count) / Double(dryingSlots.capacity)
        case "trimming_utilisation": return 1 - Double(trimmerSlots.count) / Double(trimmerSlots.capacity)
        case "drying_temperature", "drying_relative_humidity":
            let rooms = (0..<spec.drying.rooms).map { dryingConditions(room: $0, atHours: now.inHours) }
            let values = rooms.map { name == "drying_temperature" ? $0.temperature : $0.humidity }
            return values.reduce(0, +) / Double(values.count)
        case "finished_batches": return count(.finished)
        default: return monitor.latestAccuracy
        }
    }

    /// Units of the channels.
    static func unit(of channel: String) -> String {
        switch channel {
        case "drying_utilisation", "trimming_utilisation", "rolling_accuracy": "fraction"
        case "drying_temperature": "degC"
        case "drying_relative_humidity": "%"
        default: "count"
        }
    }

    func kpis() -> [RunKPI] {
        let end = SimTime.hours(horizonHours)
        let finished = records.filter { $0.stage == .finished }
        let graded = finished.compactMap(\.grade)
        func share(_ grade: LabGrade) -> Double {
            graded.isEmpty ? 0 : Double(graded.filter { $0 == grade.rawValue }.count) / Double(graded.count)
        }
        func utilisation(_ store: Store<Int>) -> Double { 1 - store.level.mean(until: end) / Double(store.capacity) }
        let leadTimes = finished.map { $0.end[3] - $0.harvestHours }
        let packedKg = finished.reduce(0) { $0 + $1.massKg }
        let rate = { (flag: (BatchRecord) -> Bool) in finished.isEmpty ? 0 : Double(finished.filter(flag).count) / Double(finished.count) }
        return [
            RunKPI(name: "batches_arrived", value: Double(records.count), unit: "count"),
            RunKPI(name: "batches_finished", value: Double(finished.count), unit: "count"),
            RunKPI(name: "batches_in_process", value: Double(records.count - finished.count), unit: "count"),
            RunKPI(name: "throughput_kg_per_day", value: packedKg / (horizonHours / 24), unit: "kg/day"),
            RunKPI(name: "mean_lead_time", value: leadTimes.isEmpty ? 0 : leadTimes.reduce(0, +) / Double(leadTimes.count), unit: "h"),
            RunKPI(name: "mean_wip", value: inPlant.mean(until: end), unit: "batches"),
            RunKPI(name: "grade_a_share", value: share(.a), unit: "fraction"),
            RunKPI(name: "grade_b_share", value: share(.b), unit: "fraction"),
            RunKPI(name: "grade_c_share", value: share(.c), unit: "fraction"),
            RunKPI(name: "reject_share", value: share(.reject), unit: "fraction"),
            RunKPI(name: "mould_rate", value: rate(\.mould), unit: "fraction"),
            RunKPI(name: "foreign_material_rate", value: rate(\.foreignMaterial), unit: "fraction"),
            RunKPI(name: "drying_utilisation", value: utilisation(dryingSlots), unit: "fraction"),
            RunKPI(name: "curing_utilisation", value: utilisation(curingSlots), unit: "fraction"),
            RunKPI(name: "trimming_utilisation", value: utilisation(trimmerSlots), unit: "fraction"),
            RunKPI(name: "packaging_utilisation", value: utilisation(packagingSlots), unit: "fraction"),
            RunKPI(name: "trimmer_breakdowns", value: Double(machines.reduce(0) { $0 + $1.breakdowns.count }), unit: "count"),
            RunKPI(name: "predictor_training_batches", value: Double(monitor.trainingCount), unit: "count"),
            RunKPI(name: "predictor_accuracy_initial", value: monitor.initialAccuracy ?? .nan, unit: "fraction"),
            RunKPI(name: "predictor_accuracy_lowest", value: monitor.lowestAccuracy ?? .nan, unit: "fraction"),
            RunKPI(name: "predictor_accuracy_drop", value: monitor.accuracyDrop, unit: "fraction"),
            RunKPI(name: "predictor_retrain_day", value: monitor.retrainDay ?? -1, unit: "day"),
        ]
    }

    static let batchColumns: [(name: String, unit: String)] = [
        ("batch", "id"), ("cultivar", "index"), ("wet_kg", "kg"), ("dry_matter_kg", "kg"), ("mass_kg", "kg"),
        ("harvest_time", "h"), ("stage", "code"),
        ("drying_start", "h"), ("drying_end", "h"), ("drying_room", "index"),
        ("curing_start", "h"), ("curing_end", "h"), ("curing_slot", "index"),
        ("trimming_start", "h"), ("trimming_end", "h"), ("trimmer", "index"),
        ("packaging_start", "h"), ("packaging_end", "h"), ("packaging_line", "index"),
        ("drying_temperature_mean", "degC"), ("drying_relative_humidity_mean", "%"),
        ("curing_temperature_mean", "degC"), ("curing_relative_humidity_mean", "%"),
        ("moisture_after_drying", "% w.b."), ("final_moisture", "% w.b."), ("mould_probability", "fraction"),
        ("mould", "flag"), ("foreign_material", "flag"), ("potency_at_harvest", "% THC"), ("potency", "% THC"),
        ("measured_moisture", "% w.b."), ("measured_potency", "% THC"), ("grade", "code"), ("predicted_grade", "code"),
        ("trimmer_breakdowns", "count"), ("lab_time", "h"),
    ]

    func tables() -> [ResultTable] {
        var batchValues: [Double] = []
        var predictionValues: [Double] = []
        for r in records {
            let finished = r.stage == .finished
            let pMould = (try? MouldRisk.probability(cumulativeHazard: r.mouldHazard)) ?? .nan
            batchValues += [Double(r.id), Double(r.cultivar), r.wetKg, r.dryMatterKg, r.massKg, r.harvestHours,
                            Double(r.stage.rawValue)]
            for step in 0..<4 { batchValues += [r.start[step], r.end[step], r.station[step]] }
            batchValues += [r.dryingTemperature, r.dryingHumidity, r.curingTemperature, r.curingHumidity,
                            r.moistureAfterDryingPercent, MoistureIsotherm.wetBasisPercent(dryBasis: r.moisture),
                            pMould, finished ? (r.mould ? 1 : 0) : .nan, r.foreignMaterial ? 1 : 0,
                            r.potencyAtHarvest, r.potency, r.measuredMoisturePercent, r.measuredPotency,
                            r.grade.map(Double.init) ?? .nan, r.predicted.map(Double.init) ?? .nan,
                            Double(r.breakdownsSeen), r.labHours]
            if sourceRooms != nil { batchValues.append(r.sourceRoom.map(Double.init) ?? .nan) }
            if let grade = r.grade {
                predictionValues += [Double(r.id)] + Self.features(of: r, cultivar: spec.arrivals.cultivars[r.cultivar])
                    + [Double(grade), r.predicted.map(Double.init) ?? .nan, r.predicted == nil ? 1 : 0, r.labHours]
            }
        }
        var breakdownValues: [Double] = []
        for machine in machines {
            for b in machine.breakdowns { breakdownValues += [Double(machine.index), b.start, b.end] }
        }
        let gradeNames = LabGrade.allCases.map(\.name)
        // Only a plant fed by a facility has source rooms, so standalone files keep their layout.
        let sourceColumn = sourceRooms == nil ? [] : ["source_room"]
        let cultivars = spec.arrivals.cultivars.map(\.name)
        return [
            ResultTable(group: "processing", name: "batches", columns: Self.batchColumns.map(\.name) + sourceColumn,
                        units: Self.batchColumns.map(\.unit) + sourceColumn.map { _ in "index" }, values: batchValues,
                        names: (sourceRooms.map { [("rooms", $0)] } ?? []) + [
                            ("cultivars", cultivars), ("stages", BatchStage.allCases.map(\.name)), ("grades", gradeNames),
                            ("drying_rooms", (0..<spec.drying.rooms).map { "drying-\($0 + 1)" }),
                            ("trimmers", (0..<spec.trimming.machines).map { "trimmer-\($0 + 1)" }),
                            ("packaging_lines", (0..<spec.packaging.lines).map { "line-\($0 + 1)" }),
                        ]),
            ResultTable(group: "processing", name: "prediction",
                        columns: ["batch"] + Self.featureNames + ["grade", "predicted_grade", "training", "lab_time"],
                        units: ["id"] + Self.featureUnits + ["code", "code", "flag", "h"], values: predictionValues,
                        names: [("grades", gradeNames), ("features", Self.featureNames)]),
            ResultTable(group: "labels", name: "trimmer_breakdowns", columns: ["trimmer", "start", "end"],
                        units: ["index", "h", "h"], values: breakdownValues,
                        names: [("trimmers", (0..<spec.trimming.machines).map { "trimmer-\($0 + 1)" })]),
        ]
    }
}
