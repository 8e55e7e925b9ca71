import TwinModels

/// Switches a room's lights off when the measured air temperature passes a limit, and lets
/// them back on only once the room has cooled below a lower release temperature.
///
/// Lamps are the largest heat source of a sealed grow room; with cooling lost, the air
/// climbs several kelvin an hour and the crop cooks. Commercial grow-room controllers ship a
/// "high-temperature lights-off" interlock for that reason; the hysteresis keeps the lamps
/// from cycling. A missing reading (sensor dropout) keeps the last decision.
///
/// Parameters: trip temperature °C (default 35; cannabis leaf damage begins above ≈ 35–38 °C,
/// docs/model-reference.md §Cannabis: T_max 38), release temperature °C (default 30,
/// below the trip).
public struct LightingInterlock: Sendable, Equatable {
    public let tripTemperature: Double
    public let releaseTemperature: Double
    /// Whether the interlock is holding the lights off.
    public private(set) var tripped = false
    /// How many times it has tripped.
    public private(set) var trips = 0

    public init(tripTemperature: Double = 35, releaseTemperature: Double = 30) throws(ModelInputError) {
        self.tripTemperature = try ModelInputError.check(tripTemperature, "interlock trip temperature", unit: "°C",
                                                         in: 15...60)
        self.releaseTemperature = try ModelInputError.check(releaseTemperature, "interlock release temperature",
                                                            unit: "°C", in: 0...(tripTemperature - 0.5))
    }

    /// Updates with the measured air temperature (nil during a dropout); returns whether the lights may be on.
    public mutating func allowsLights(measuredTemperature: Double?) -> Bool {
        if let t = measuredTemperature {
            if !tripped, t > tripTemperature {
                tripped = true
                trips += 1
            } else if tripped, t < releaseTemperature {
                tripped = false
            }
        }
        return !tripped
    }
}
