import SimKernel
import Scenario
import Recording

/// The processing plant behind a facility: every cannabis harvest becomes one batch at
/// intake at the harvest time, in the same run.
///
/// The plant keeps its own event calendar (seeded from the run's seed; streams
/// `processing/...`) and is advanced to each harvest's time before the batch is taken in, and
/// to the horizon at the end. Nothing flows back from the plant to the rooms, so this is the
/// same as one event queue, except that the plant's events never split the rooms' climate
/// integration steps: the facility's results are identical with and without its plant.
///
/// Inputs: harvest events (hours, room index, dry grams of the whole canopy). Lettuce
/// harvests are not fed (the plant dries and cures cannabis flower; lettuce is sold fresh),
/// and nursery rooms never harvest (they pass plants on). Each batch's cultivar is the room
/// crop's calibration set (`crop.cultivar`, "house" when unnamed); its THC distribution is
/// the `processing.arrivals.cultivars` entry of that name, else 20 ± 2 % THC.
///
/// Outputs: `timeseries/processing` (the plant's channels, sampled with the facility's
/// recording interval), the plant's tables (`processing/batches` with `source_room`,
/// `processing/prediction`, `labels/trimmer_breakdowns`) and its KPIs prefixed
/// `processing_` so none clashes with a facility KPI.
final class HarvestFeed {
    /// Prefix of the plant's KPIs in a facility run.
    static let kpiPrefix = "processing_"

    let plant: ProcessingPlant
    /// Cultivar index of each facility room, nil for rooms whose harvests are not fed.
    let roomCultivar: [Int?]
    // A run is single-threaded: stored properties skip the dynamic exclusivity checks,
    // which cost more than the work they guard (docs/kernel.md).
    @exclusivity(unchecked) private var writer: TimeSeriesWriter?
    private let tally = RecordingTally()
    /// Dry matter fed to the plant, kg.
    @exclusivity(unchecked) private(set) var dryMatterFedKg = 0.0
    /// The first error the plant raised while advancing to a harvest (rethrown by ``finish()``).
    @exclusivity(unchecked) private var failure: (any Error)?
    let horizon: SimTime

    init(spec plantSpec: ProcessingSpec, rooms: [RoomSpec], seed: UInt64, horizonHours: Double) throws {
        var names: [String] = []
        var cultivarOfRoom: [Int?] = []
        for room in rooms {
            guard room.crop.kind == .cannabis else { cultivarOfRoom.append(nil); continue }
            let name = room.crop.cultivar ?? "house"
            if !names.contains(name) { names.append(name) }
            cultivarOfRoom.append(names.firstIndex(of: name))
        }
        var spec = plantSpec
        guard let template = plantSpec.arrivals.cultivars.first else {
            throw RunError(code: .simulation, message: "processing.arrivals.cultivars is empty")
        }
        spec.arrivals.cultivars = (names.isEmpty ? ["house"] : names).map { name in
            if var listed = plantSpec.arrivals.cultivars.first(where: { $0.name == name }) {
                listed.share = 1
                return listed
            }
            var unlisted = template
            (unlisted.name, unlisted.share, unlisted.thcPercentMean, unlisted.thcPercentSD) = (name, 1, 20, 2)
            return unlisted
        }
        roomCultivar = cultivarOfRoom
        plant = try ProcessingPlant(spec: spec, seed: seed, horizonHours: horizonHours, fed: true)
        plant.sourceRooms = rooms.map(\.id)
        horizon = .hours(horizonHours)
        // The predictor's rolling accuracy is evaluated once a day, as in a processing run.
        plant.simulation.every(SimTime.hours(24.0), startingAt: .zero, priority: .low, label: "predictor") { [plant] sim in
            plant.monitor.evaluate(atDays: sim.now.inDays)
            return true
        }
    }

    /// Creates `timeseries/processing` in `series` and samples it every `interval`; call
    /// before the file enters single-writer mode.
    func record(in series: HDF5Group, interval: SimTime, storage: HDF5StorageOptions) throws {
        let channels = ProcessingSpec.channels
        let writer = try series.createTimeSeries("processing", columns: ["time"] + channels,
                                                 units: ["h"] + channels.map(ProcessingPlant.unit(of:)), options: storage)
        self.writer = writer
        plant.simulation.every(interval, startingAt: .zero, priority: .low, label: "record processing") { [unowned self] sim in
            tally.startRow(atHours: sim.now.inHours)
            for channel in channels { tally.row.append(plant.channel(channel)) }
            tally.combineRow()
            try writer.append(tally.row)
            if writer.rowCount % ProcessingRun.flushEveryRows == 0 { try writer.flush() }
            return true
        }
    }

    /// Takes a harvest event: a cannabis room's harvest becomes a batch at `time`; others are ignored.
    /// - Parameters:
    ///   - room: index of the room in the facility.
    ///   - grams: dry grams harvested from the whole canopy.
    ///   - time: the harvest time.
    func harvest(room: Int, grams: Double, at time: SimTime) {
        guard failure == nil, grams > 0, roomCultivar.indices.contains(room), let cultivar = roomCultivar[room] else {
            return
        }
        do {
            try plant.simulation.run(until: time)
        } catch {
            failure = error
            return
        }
        dryMatterFedKg += grams / 1000
        plant.receive(dryMatterKg: grams / 1000, cultivar: cultivar, room: room, at: time)
    }

    /// Closes the series and returns the plant's KPIs (prefixed), tables and a fingerprint of
    /// everything recorded.
    func finish() throws -> (kpis: [RunKPI], tables: [ResultTable], fingerprint: String, events: UInt64) {
        if let failure { throw RunError(code: .simulation, message: "processing plant", underlying: failure) }
        try plant.simulation.run(until: horizon)
        try writer?.close()
        let kpis = [RunKPI(name: "dry_matter_fed", value: dryMatterFedKg, unit: "kg")] + plant.kpis()
        let prefixed = kpis.map { RunKPI(name: Self.kpiPrefix + $0.name, value: $0.value, unit: $0.unit) }
        let tables = plant.tables()
        var recorded = tally.fingerprint
        for kpi in prefixed { recorded.combine(kpi.value) }
        for table in tables { for value in table.values { recorded.combine(value) } }
        recorded.combine(plant.simulation.fingerprint.hex)
        return (prefixed, tables, recorded.hex, plant.simulation.eventsProcessed)
    }
}
