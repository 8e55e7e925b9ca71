import Foundation
import SimKernel
import TwinModels
import Scenario

/// Quality along the way: moisture, mould hazard and potency through drying and curing
/// (hour by hour under the conditions the batch sees), foreign material at trimming, and
/// the lab's grade at the end.
extension ProcessingPlant {
    /// Dries batch `id` in `room` from now: steps the drying model hourly under the room's
    /// air until the target moisture is reached (after the minimum time) or the maximum
    /// time is up. Records the mean conditions and the mould hazard (flower surface taken to
    /// be at the air's water activity under forced air movement: an assumption).
    /// - Returns: drying time, hours.
    func dry(batch id: Int, room: Int) throws -> Double {
        let d = spec.drying
        let start = simulation.now.inHours
        let target = try MoistureIsotherm.dryBasis(wetBasisPercent: d.targetMoisturePercent)
        var record = records[id]
        var hours = 0.0, sumT = 0.0, sumRH = 0.0
        let step = 1.0
        while hours + 1e-9 < d.maximumDays * 24 {
            if hours >= d.minimumDays * 24 - 1e-9 && record.moisture <= target { break }
            let dt = min(step, d.maximumDays * 24 - hours)
            let air = dryingConditions(room: room, atHours: start + hours)
            record.moisture = try kinetics.step(moisture: record.moisture, temperature: air.temperature,
                                                relativeHumidity: air.humidity, hours: dt)
            record.mouldHazard += try mould.hazard(waterActivity: air.humidity / 100, temperature: air.temperature) * dt
            record.potency = try potencyDecay.step(potency: record.potency, temperature: air.temperature, hours: dt)
            sumT += air.temperature * dt
            sumRH += air.humidity * dt
            hours += dt
        }
        if hours > 0 {
            record.dryingTemperature = sumT / hours
            record.dryingHumidity = sumRH / hours
        } else {
            let air = dryingConditions(room: room, atHours: start)
            (record.dryingTemperature, record.dryingHumidity) = (air.temperature, air.humidity)
        }
        record.moistureAfterDryingPercent = MoistureIsotherm.wetBasisPercent(dryBasis: record.moisture)
        records[id] = record
        return hours
    }

    /// Cures batch `id` in jars for the configured days; the mould hazard follows the jar
    /// headspace, i.e. the flower's own water activity.
    /// - Returns: curing time, hours.
    func cure(batch id: Int) throws -> Double {
        let c = spec.curing
        var record = records[id]
        let total = c.days * 24
        var hours = 0.0
        while hours + 1e-9 < total {
            let dt = min(1, total - hours)
            let aw = try curingModel.headspaceWaterActivity(moisture: record.moisture, temperature: c.temperature)
            record.mouldHazard += try mould.hazard(waterActivity: aw, temperature: c.temperature) * dt
            record.moisture = try curingModel.step(moisture: record.moisture, temperature: c.temperature,
                                                   relativeHumidity: c.relativeHumidity, hours: dt)
            record.potency = try potencyDecay.step(potency: record.potency, temperature: c.temperature, hours: dt)
            hours += dt
        }
        record.curingTemperature = c.temperature
        record.curingHumidity = c.relativeHumidity
        records[id] = record
        return total
    }

    /// Draws foreign material for the trimming passes of batch `id`.
    func finishTrimming(batch id: Int, stream: inout RandomStream) throws {
        records[id].foreignMaterial = try foreignMaterial.occurs(passes: spec.trimming.passes, using: &stream)
    }

    /// The lab: draws mould from the accumulated hazard, measures moisture and potency with
    /// noise, grades the batch and hands it to the quality predictor.
    func grade(batch id: Int, stream: inout RandomStream) throws {
        var record = records[id]
        record.mould = try MouldRisk.occurs(cumulativeHazard: record.mouldHazard, using: &stream)
        let moistureNoise = Distribution.normal(mean: 0, sd: max(spec.grading.moistureNoiseSD, 1e-12))
        let potencyNoise = Distribution.normal(mean: 0, sd: max(spec.grading.potencyNoiseSD, 1e-12))
        let moisture = MoistureIsotherm.wetBasisPercent(dryBasis: record.moisture)
        record.measuredMoisturePercent = min(100, max(0, moisture + moistureNoise.sample(using: &stream)))
        record.measuredPotency = min(40, max(0, record.potency + potencyNoise.sample(using: &stream)))
        let grade = try grading.grade(moisturePercent: record.measuredMoisturePercent, mould: record.mould,
                                      foreignMaterial: record.foreignMaterial, potencyPercent: record.measuredPotency)
        record.grade = grade.rawValue
        record.labHours = simulation.now.inHours
        records[id] = record
        simulation.fingerprint.combine(UInt64(id) << 8 | UInt64(grade.rawValue))
        let cultivar = spec.arrivals.cultivars[record.cultivar]
        record.predicted = monitor.graded(features: Self.features(of: record, cultivar: cultivar), grade: grade.rawValue,
                                          atDays: record.labHours / 24)
        records[id].predicted = record.predicted
    }

    /// The names of the predictor's features, in order (columns of `processing/prediction`).
    static let featureNames = [
        "cultivar_thc_mean_pct", "wet_kg", "drying_hours", "drying_temperature_c", "drying_relative_humidity_pct",
        "moisture_after_drying_pct", "curing_temperature_c", "curing_relative_humidity_pct", "trimmer_breakdowns",
        "lead_time_hours",
    ]
    static let featureUnits = ["%", "kg", "h", "degC", "%", "%", "degC", "%", "count", "h"]

    /// The process features of a batch known before the lab result.
    static func features(of record: BatchRecord, cultivar: CultivarSpec) -> [Double] {
        [cultivar.thcPercentMean, record.wetKg, record.end[0] - record.start[0], record.dryingTemperature,
         record.dryingHumidity, record.moistureAfterDryingPercent, record.curingTemperature, record.curingHumidity,
         Double(record.breakdownsSeen), record.end[3] - record.harvestHours]
    }
}
