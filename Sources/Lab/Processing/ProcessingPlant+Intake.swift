import SimKernel
import TwinModels

/// Intake of batches the plant does not generate itself: the harvests of a facility that
/// runs beside it in the same run.
extension ProcessingPlant {
    /// Takes one harvest in at intake at `time` (not before the plant's clock) and starts its
    /// way through the plant.
    ///
    /// The wet mass is the harvested dry matter plus the water of the harvest moisture
    /// (`arrivals.harvest_moisture_pct`, % wet basis, default 78 %: fresh cannabis flower is
    /// 75–80 % water): wet = dry × (1 + X), X = m / (100 − m) kg water per kg dry matter.
    /// Potency at harvest is drawn from the cultivar's THC distribution on the batch's own
    /// stream `processing/batch/<id>`, as for generated arrivals.
    /// - Parameters:
    ///   - dryMatterKg: dry matter harvested, kg (> 0).
    ///   - cultivar: index into `spec.arrivals.cultivars`.
    ///   - room: index of the facility room harvested (in `sourceRooms`).
    ///   - time: the harvest time.
    /// - Returns: the new batch's id.
    @discardableResult
    func receive(dryMatterKg: Double, cultivar: Int, room: Int, at time: SimTime) -> Int {
        let id = records.count
        let hours = time.inHours
        let m = spec.arrivals.harvestMoisturePercent
        let moisture = m / (100 - m)
        var stream = simulation.streams.stream("processing/batch/\(id)")
        let c = spec.arrivals.cultivars[cultivar]
        let thc = min(40, max(0, Distribution.normal(mean: c.thcPercentMean, sd: max(c.thcPercentSD, 1e-12))
            .sample(using: &stream)))
        var record = BatchRecord(id: id, cultivar: cultivar, wetKg: dryMatterKg * (1 + moisture),
                                 harvestMoisture: moisture, harvestHours: hours, potency: thc)
        record.sourceRoom = room
        records.append(record)
        simulation.start(BatchProcess(id: id, plant: self, stream: stream), at: time)
        return id
    }
}
