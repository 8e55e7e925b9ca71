import TwinModels

/// A room climate for crop tests: lights on for the first `photoperiod` hours of every day at a
/// stage-dependent PPFD, constant temperature, CO₂ and leaf VPD.
struct TestRoom {
    /// PPFD while the lights are on, µmol m⁻² s⁻¹, by stage.
    var ppfd: (CropStage) -> Double
    /// Canopy temperature while the lights are on, °C.
    var lightTemperature = 26.0
    /// Canopy temperature in the dark, °C.
    var darkTemperature = 26.0
    var co2 = 400.0
    var leafVPD = 1.2
    /// The photoperiod to run; nil follows the crop's own schedule.
    var photoperiod: Double? = nil

    /// Seconds since the start of the run; lights switch at whole-day offsets from it.
    private(set) var clock = 0.0

    init(ppfd: @escaping (CropStage) -> Double) { self.ppfd = ppfd }

    /// Advances `crop` by `days` in spans of `step` seconds (a divisor of 3600), calling
    /// `observe` after every span with the span's length.
    mutating func grow<C: Crop>(_ crop: inout C, days: Double, step: Double = 60,
                                observe: (C, Double) -> Void = { _, _ in }) throws {
        let end = clock + days * 86_400
        while clock < end {
            let hours = crop.scheduledPhotoperiodHours
            let photoperiod = self.photoperiod ?? hours
            let lit = clock.truncatingRemainder(dividingBy: 86_400) < photoperiod * 3600
            let conditions = try CanopyConditions(
                ppfd: lit ? ppfd(crop.stage) : 0, canopyTemperature: lit ? lightTemperature : darkTemperature,
                co2: co2, leafVPD: leafVPD, photoperiodHours: photoperiod)
            let span = min(step, end - clock)
            try crop.advance(seconds: span, conditions: conditions)
            clock += span
            observe(crop, span)
        }
    }
}
