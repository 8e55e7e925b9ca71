/// A high-limit switch with hysteresis: trips when a reading rises above the trip level and
/// resets only once a reading falls below the lower release level, so it does not chatter
/// around one threshold. A missing reading (a sensor dropout) keeps the last state.
///
/// The shared mechanism of the safety devices a grow room carries beside its controller
/// (``LightingInterlock``, ``CO2SafetyCutout``); they validate their own levels.
public struct HighLimitSwitch: Sendable, Equatable {
    public let tripLevel: Double
    public let releaseLevel: Double
    /// Whether the switch is tripped.
    public private(set) var tripped = false
    /// How many times it has tripped.
    public private(set) var trips = 0

    /// A switch tripping above `tripLevel` and resetting below `releaseLevel` (< `tripLevel`).
    public init(tripLevel: Double, releaseLevel: Double) {
        precondition(releaseLevel < tripLevel, "HighLimitSwitch: release \(releaseLevel) is not below trip \(tripLevel)")
        self.tripLevel = tripLevel
        self.releaseLevel = releaseLevel
    }

    /// Updates with a reading (nil during a dropout); returns whether the switch is tripped.
    public mutating func update(_ reading: Double?) -> Bool {
        if let value = reading {
            if !tripped, value > tripLevel {
                tripped = true
                trips += 1
            } else if tripped, value < releaseLevel {
                tripped = false
            }
        }
        return tripped
    }
}
