import Control

/// A room's BOPTEST-style discomfort integrals split by light phase, and its actuator travel.
///
/// Discomfort (trapezoid over control steps, as `ClimateKPIAccumulator`; each interval is
/// charged to the light phase that held during it, with that phase's band at both ends). The
/// bands are the crop stage's fixed reference (`GrowRoom.referenceBand()`), never the scenario's
/// setpoint overrides or a policy's, so variants with different setpoints score alike:
/// - temperature: outside the stage's reference ± 2 °C (the band of `temperature_discomfort`), K·h;
/// - relative humidity: outside 40–70 % (below 40 % dries plants; above 70 % favours botrytis
///   and powdery mildew — a generic grow-room band), %·h;
/// - VPD: outside the stage's reference VPD ± 0.3 kPa (the band of `vpd_off_target`), kPa·h;
/// - CO₂: lit, below the stage's reference lights-on CO₂ − 100 ppm (grow rooms
///   want high CO₂, so a deficit is the discomfort; docs/model-reference.md §Grow-room KPIs);
///   both phases, above the 2,000 ppm safety bound.
///
/// Actuator travel (BOPTEST `atvl`): Σ|Δu| over control steps of each command, u a fraction
/// 0…1 of the device's capacity, so 1 is one full stroke; lighting's u is PPFD / the fixtures'
/// maximum PPFD.
struct RoomPhaseKPIs {
    /// Actuator kinds in the order of `travel` (the `actuators` attribute).
    static let actuators = ["lighting", "cooling", "heating", "dehumidification", "humidification", "co2_injection",
                            "outdoor_air"]
    /// Quantities in the order of `lit` and `dark`.
    static let quantities = ["temperature", "relative_humidity", "vpd", "co2_deficit", "co2_excess"]
    static let units = ["K*h", "%*h", "kPa*h", "ppm*h", "ppm*h"]

    /// Discomfort integrals while the lights were on, in `quantities` order.
    var lit: [Double] { [litSums.0, litSums.1, litSums.2, litSums.3, litSums.4] }
    /// Discomfort integrals while the lights were off.
    var dark: [Double] { [darkSums.0, darkSums.1, darkSums.2, darkSums.3, darkSums.4] }
    /// Full strokes per actuator, in `actuators` order.
    private(set) var travel = [Double](repeating: 0, count: 7)

    // Tuples, not arrays: this runs every control step of every room.
    private typealias Five = (Double, Double, Double, Double, Double)
    private var litSums: Five = (0, 0, 0, 0, 0)
    private var darkSums: Five = (0, 0, 0, 0, 0)
    private var lastTime: Double?
    private var last: Five = (0, 0, 0, 0, 0)
    private var lastCommand: ClimateCommand?
    private var lastLighting = 0.0

    /// Adds the room's true climate at `hours`; `lightsOn` is the phase of the interval just ended.
    mutating func addClimate(atHours hours: Double, temperature: Double, relativeHumidity: Double, vpd: Double,
                             co2: Double, lightsOn: Bool, band: ClimateSetpoints) {
        let t = lightsOn ? band.dayTemperature : band.nightTemperature
        let v = lightsOn ? band.dayVPD : band.nightVPD
        let now: Five = (max(0, t - 2 - temperature) + max(0, temperature - t - 2),
                         max(0, 40 - relativeHumidity) + max(0, relativeHumidity - 70),
                         max(0, abs(vpd - v) - 0.3),
                         lightsOn ? max(0, band.co2LightsOn - 100 - co2) : 0,
                         max(0, co2 - 2000))
        if let previous = lastTime, hours > previous {
            let dt = hours - previous
            let area: Five = (dt * (last.0 + now.0) / 2, dt * (last.1 + now.1) / 2, dt * (last.2 + now.2) / 2,
                              dt * (last.3 + now.3) / 2, dt * (last.4 + now.4) / 2)
            if lightsOn { Self.add(area, to: &litSums) } else { Self.add(area, to: &darkSums) }
        }
        lastTime = hours
        last = now
    }

    private static func add(_ a: Five, to sums: inout Five) {
        sums.0 += a.0
        sums.1 += a.1
        sums.2 += a.2
        sums.3 += a.3
        sums.4 += a.4
    }

    /// Adds the command set for the next control period.
    mutating func addCommand(_ command: ClimateCommand, lighting: Double) {
        // Field by field: an array per step would allocate on the hot path.
        if let last = lastCommand {
            travel[0] += abs(lighting - lastLighting)
            travel[1] += abs(command.cooling - last.cooling)
            travel[2] += abs(command.heating - last.heating)
            travel[3] += abs(command.dehumidification - last.dehumidification)
            travel[4] += abs(command.humidification - last.humidification)
            travel[5] += abs(command.co2Injection - last.co2Injection)
            travel[6] += abs(command.outdoorAir - last.outdoorAir)
        }
        lastCommand = command
        lastLighting = lighting
    }
}
