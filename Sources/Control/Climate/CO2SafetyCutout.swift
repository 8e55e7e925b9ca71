import TwinModels

/// Closes a room's CO₂ dosing valve when an independent CO₂ monitor reads above a limit, and
/// lets dosing resume only once the room has fallen below a lower release level.
///
/// The dosing loop trusts its own sensor. A sensor stuck below the setpoint while the lights
/// are on makes the loop dose open-loop at full rate: in a sealed vertical farm with a
/// 2 kg h⁻¹ injector in 500 m³ that is ≈ 1,100 ppm h⁻¹, past 10,000 ppm in eight hours. Grow
/// rooms therefore carry a separate high-CO₂ monitor wired to the dosing solenoid, as they
/// carry a high-temperature lights-off thermostat (``LightingInterlock``): the monitor reads its
/// own sensor, so a fault of the control sensor cannot defeat it.
///
/// Parameters: trip level, ppm (default 2,000: the upper end of enrichment practice, 800–1,500
/// ppm, and the level ventilation guidance treats as poor air; the 8-hour occupational
/// exposure limit is 5,000 ppm, OSHA 29 CFR 1910.1000 Table Z-1 and ACGIH TLV), range
/// 1,000–20,000 (above 10,000 the room effectively has no cut-out); release level, ppm
/// (default trip − 500, below the trip). A missing reading keeps the last decision.
public struct CO2SafetyCutout: Sendable, Equatable {
    public let tripLevel: Double
    public let releaseLevel: Double
    /// Whether the cut-out is holding the valve closed.
    public private(set) var tripped = false
    /// How many times it has tripped.
    public private(set) var trips = 0

    public init(tripLevel: Double = 2000, releaseLevel: Double? = nil) throws(ModelInputError) {
        self.tripLevel = try ModelInputError.check(tripLevel, "CO2 cut-out trip level", unit: "ppm", in: 1000...20_000)
        self.releaseLevel = try ModelInputError.check(releaseLevel ?? tripLevel - 500, "CO2 cut-out release level",
                                                      unit: "ppm", in: 0...(tripLevel - 50))
    }

    /// Updates with the monitor's reading (nil during a dropout); returns whether dosing may run.
    public mutating func allowsDosing(measuredCO2: Double?) -> Bool {
        if let ppm = measuredCO2 {
            if !tripped, ppm > tripLevel {
                tripped = true
                trips += 1
            } else if tripped, ppm < releaseLevel {
                tripped = false
            }
        }
        return !tripped
    }
}
