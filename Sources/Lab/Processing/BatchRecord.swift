/// The trace of one batch through the plant: what it is, where and when each stage ran,
/// the conditions it saw, and what the lab found. One row of `processing/batches`.
///
/// Times are simulation hours; NaN marks a stage not (yet) reached.
struct BatchRecord {
    /// The four processing steps, indexing `start`, `end` and `station`.
    enum Step: Int, CaseIterable { case drying, curing, trimming, packaging }

    let id: Int
    let cultivar: Int
    let wetKg: Double
    let dryMatterKg: Double
    let harvestHours: Double
    var stage = BatchStage.waitingDrying
    var start = [Double](repeating: .nan, count: 4)
    var end = [Double](repeating: .nan, count: 4)
    var station = [Double](repeating: .nan, count: 4)
    /// Mean conditions seen in drying and curing, °C and % RH.
    var dryingTemperature = Double.nan, dryingHumidity = Double.nan
    var curingTemperature = Double.nan, curingHumidity = Double.nan
    /// Dry-basis moisture, kg/kg.
    var moisture: Double
    var moistureAfterDryingPercent = Double.nan
    var mouldHazard = 0.0
    var mould = false
    var foreignMaterial = false
    let potencyAtHarvest: Double
    var potency: Double
    var measuredMoisturePercent = Double.nan
    var measuredPotency = Double.nan
    var grade: Int?
    var predicted: Int?
    var breakdownsSeen = 0
    var labHours = Double.nan
    /// Index of the facility room the batch was harvested in (nil: the plant's own arrivals).
    var sourceRoom: Int?

    init(id: Int, cultivar: Int, wetKg: Double, harvestMoisture: Double, harvestHours: Double, potency: Double) {
        self.id = id
        self.cultivar = cultivar
        self.wetKg = wetKg
        self.dryMatterKg = wetKg / (1 + harvestMoisture)
        self.harvestHours = harvestHours
        self.moisture = harvestMoisture
        self.potencyAtHarvest = potency
        self.potency = potency
    }

    /// Current mass, kg: dry matter plus the water still in it.
    var massKg: Double { dryMatterKg * (1 + moisture) }
}
