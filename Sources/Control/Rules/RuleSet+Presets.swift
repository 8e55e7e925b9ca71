import TwinModels

/// The rule sets TwinLab ships.
///
/// Thresholds come from the product documents (machines) and from the grow-room reference
/// values of docs/model-reference.md (§Cannabis, §Grow-room KPIs); the hysteresis and delays
/// are TwinLab's choices, picked so that the datasheet noise of the simulated sensors
/// (≈ 0.2–0.5 °C, 2 % RH, 30 ppm, a few % of vibration) does not make the alerts chatter, and
/// stated here so a scenario can override them.
extension RuleSet {
    /// The documents' machine alert thresholds, for one machine with signals `temperature`
    /// (frame temperature, °C), `power` (kW) and `vibration` (RMS velocity, mm/s); use
    /// `scoped(to:)` per machine.
    ///
    /// | rule | condition | severity | hysteresis | raise / clear after |
    /// |---|---|---|---|---|
    /// | temperature-warning | > 75 °C | WARNING | 2 °C | 60 s / 300 s |
    /// | temperature-critical | > 85 °C | CRITICAL | 2 °C | 60 s / 300 s |
    /// | power-spike | > 120 % of the 1-hour rolling mean | WARNING ("SPIKE") | 10 points | 60 s / 300 s |
    /// | vibration-warning | > 2.5 mm/s | WARNING | 0.2 mm/s | 300 s / 600 s |
    /// | vibration-critical | > 4.0 mm/s | CRITICAL | 0.3 mm/s | 300 s / 600 s |
    ///
    /// ISO 10816-1 zone limits are the engineering reference for the vibration levels
    /// (class II: 1.8 / 4.5 / 11.2 mm/s); the documents' 2.5 / 4.0 sit inside zones B and C.
    public static let documentDefaults: RuleSet = preset("document-defaults") {
        [
            try RuleSpec(id: "temperature-warning", signal: "temperature", condition: .above(75), severity: .warning,
                         hysteresis: 2, raiseAfterSeconds: 60, clearAfterSeconds: 300,
                         message: "temperature {value} °C above 75 °C"),
            try RuleSpec(id: "temperature-critical", signal: "temperature", condition: .above(85), severity: .critical,
                         hysteresis: 2, raiseAfterSeconds: 60, clearAfterSeconds: 300,
                         message: "temperature {value} °C above 85 °C"),
            try RuleSpec(id: "power-spike", signal: "power", condition: .aboveBaseline(fraction: 1.2, windowSeconds: 3600),
                         severity: .warning, hysteresis: 0.1, raiseAfterSeconds: 60, clearAfterSeconds: 300,
                         message: "SPIKE: power at {value} × its 1-hour baseline"),
            try RuleSpec(id: "vibration-warning", signal: "vibration", condition: .above(2.5), severity: .warning,
                         hysteresis: 0.2, raiseAfterSeconds: 300, clearAfterSeconds: 600,
                         message: "vibration {value} mm/s above 2.5 mm/s"),
            try RuleSpec(id: "vibration-critical", signal: "vibration", condition: .above(4.0), severity: .critical,
                         hysteresis: 0.3, raiseAfterSeconds: 300, clearAfterSeconds: 600,
                         message: "vibration {value} mm/s above 4.0 mm/s"),
        ]
    }

    /// Climate alarms for one grow room on its measured signals `measured_air_temperature`
    /// (°C), `measured_relative_humidity` (%) and `measured_co2` (ppm).
    ///
    /// | rule | condition | severity | hysteresis | raise / clear after | action |
    /// |---|---|---|---|---|---|
    /// | air-temperature-band | outside 16 … 30 °C | WARNING | 0.5 °C | 600 s / 300 s | — |
    /// | humidity-mould-risk | RH > 85 % | WARNING | 3 % | 1800 s / 600 s | — |
    /// | co2-safety | > 2000 ppm | CRITICAL | 100 ppm | 60 s / 300 s | — |
    /// | lights-interlock | > 35 °C | CRITICAL | 5 °C (release < 30 °C) | 0 s / 0 s | lights off |
    ///
    /// The band's floor sits below the coolest stage night setpoint (lettuce, 18 °C) so that
    /// normal night-time control does not raise alerts. Above 85 % RH for hours Botrytis (grey mould) risk climbs steeply in dense flowering
    /// canopies; 2000 ppm is the usual ceiling of enrichment and the start of occupant
    /// complaints (the OSHA 8-hour limit is 5000 ppm), so a higher reading means a dosing
    /// fault; 35/30 °C are the trip and release of `LightingInterlock`.
    public static let growRoom: RuleSet = preset("grow-room") {
        [
            try RuleSpec(id: "air-temperature-band", signal: "measured_air_temperature",
                         condition: .outside(low: 16, high: 30), severity: .warning,
                         hysteresis: 0.5, raiseAfterSeconds: 600, clearAfterSeconds: 300,
                         message: "air temperature {value} °C outside 16–30 °C"),
            try RuleSpec(id: "humidity-mould-risk", signal: "measured_relative_humidity", condition: .above(85),
                         severity: .warning, hysteresis: 3, raiseAfterSeconds: 1800, clearAfterSeconds: 600,
                         message: "relative humidity {value} % above 85 % (mould risk)"),
            try RuleSpec(id: "co2-safety", signal: "measured_co2", condition: .above(2000), severity: .critical,
                         hysteresis: 100, raiseAfterSeconds: 60, clearAfterSeconds: 300,
                         message: "CO2 {value} ppm above 2000 ppm (safety)"),
            try RuleSpec(id: "lights-interlock", signal: "measured_air_temperature", condition: .above(35),
                         severity: .critical, hysteresis: 5,
                         action: .interlock(target: "lights", value: RuleAction.off),
                         message: "air temperature {value} °C above 35 °C: lights off until below 30 °C"),
        ]
    }

    /// Builds a preset from constants; a failure is a programming error caught by the preset tests.
    private static func preset(_ name: String, _ rules: () throws -> [RuleSpec]) -> RuleSet {
        do {
            return RuleSet(name: name, rules: try rules())
        } catch {
            preconditionFailure("rule preset \(name): \(error)")
        }
    }
}
