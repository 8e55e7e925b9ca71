/// Growers' standard responses to grow-room alarms as a fixed policy.
///
/// | alert | condition | action | risk |
/// |---|---|---|---|
/// | air temperature above its setpoint | lamps on | DIM_LIGHTS to 50 % | CRITICAL at CRITICAL; HIGH with a cooling fault; else MEDIUM |
/// | air temperature above its setpoint | lamps off, a device faulted | MAINTENANCE | HIGH |
/// | air temperature below its setpoint | a device faulted | MAINTENANCE | MEDIUM |
/// | humidity | dehumidifier faulted | MAINTENANCE | HIGH |
/// | humidity | otherwise | RAISE_DEHUMIDIFICATION by 0.2 kPa VPD | MEDIUM (HIGH at CRITICAL) |
/// | CO₂ | the room has an outdoor-air damper | VENTILATE, damper ≥ 50 % | HIGH (CRITICAL at CRITICAL) |
/// | CO₂ | no damper | NONE (a person must air the room) | HIGH (CRITICAL at CRITICAL) |
/// | any other rule | a device faulted | MAINTENANCE | MEDIUM |
/// | anything else | — | NONE | LOW |
///
/// Parameters (assumptions, not calibrated):
/// - `dimFraction` 0.5: lamp heat is the largest sensible load of a sealed flower room
///   (≈ 50–60 % of the cooling load), so halving it lets a crippled coil hold the room;
/// - `vpdRaise` 0.2 kPa: one step of a grower's VPD chart, enough to move the dehumidifier;
/// - `ventilation` 0.5 of the damper's flow: dilutes 2000 ppm to outdoor air in well under an hour;
/// - `cannabisValuePerGram` 2 currency/g dry: US wholesale flower ≈ 1,000 USD/lb (2024);
/// - `lettuceValuePerGram` 0.1 currency/g dry: ≈ 5 USD/kg fresh at ≈ 5 % dry matter;
/// - loss shares 1 % (WARNING) and 5 % (CRITICAL) of the standing crop for an excursion left alone
///   (heat stress above the cultivar's optimum, Botrytis above 85 % RH).
///
/// Estimates: preventedLoss = standing crop (g) × its value per gram × loss share;
/// estimatedSavings = preventedLoss, plus for DIM_LIGHTS the lamp energy avoided in the first
/// hour (lamp kW × dimFraction × 1 h × price). Both are 0 for NONE, and for VENTILATE: a CO₂
/// alarm protects people, not the crop.
public struct RoomExpertPolicy: RoomDecisionAgent {
    public let name = "room-expert-policy"
    public var dimFraction: Double
    public var vpdRaise: Double
    public var ventilation: Double
    public var cannabisValuePerGram: Double
    public var lettuceValuePerGram: Double

    public init(dimFraction: Double = 0.5, vpdRaise: Double = 0.2, ventilation: Double = 0.5,
                cannabisValuePerGram: Double = 2, lettuceValuePerGram: Double = 0.1) {
        self.dimFraction = dimFraction
        self.vpdRaise = vpdRaise
        self.ventilation = ventilation
        self.cannabisValuePerGram = cannabisValuePerGram
        self.lettuceValuePerGram = lettuceValuePerGram
    }

    public func decide(context c: RoomAnomalyContext) -> RoomDecision {
        let critical = c.severity == .critical
        let value = c.cropKind == "cannabis" ? cannabisValuePerGram : c.cropKind == "lettuce" ? lettuceValuePerGram : 0
        let prevented = c.signal == .co2 ? 0 : c.standingCropGrams * value * (critical ? 0.05 : 0.01)
        let faults = c.faultedDevices.joined(separator: ", ")
        let reading = c.value.formatted2
        func decision(_ cause: String, _ risk: Decision.RiskLevel, _ action: RoomDecision.Action, _ change: Double,
                      _ why: String, _ human: String, energySaved: Double = 0) -> RoomDecision {
            let acting = action != .none
            return RoomDecision(rootCause: cause, riskLevel: risk, action: action, setpointChange: change,
                                reasoning: why, estimatedSavings: acting ? prevented + energySaved : 0,
                                preventedLoss: acting ? prevented : 0, humanRecommendation: human)
        }
        let maintenance = { (risk: Decision.RiskLevel) in
            decision("device fault (\(faults))", risk, .maintenance, 0,
                     "\(c.ruleID): \(reading) with \(faults) faulted; the fault explains the excursion, so repair it",
                     "Repair \(faults) in \(c.roomID).")
        }
        switch c.signal {
        case .airTemperature where c.value > c.temperatureSetpoint:
            let coolingFault = c.faultedDevices.contains("cooling")
            if c.lightsOn {
                let cause = coolingFault ? "cooling fault" : "heat load above cooling capacity"
                return decision(cause, critical ? .critical : coolingFault ? .high : .medium, .dimLights, dimFraction,
                                "\(c.ruleID): air at \(reading) °C above its \(c.temperatureSetpoint.formatted2) °C "
                                + "setpoint with the lamps on (\(cause)); dimming them to "
                                + "\(((1 - dimFraction) * 100).formatted2) % removes the largest heat load",
                                coolingFault ? "Repair the cooling of \(c.roomID); lamps stay dimmed until the alert clears."
                                    : "Check the cooling capacity and airflow of \(c.roomID).",
                                energySaved: c.lampPowerKW * dimFraction * c.pricePerKWh)
            }
            if !c.faultedDevices.isEmpty { return maintenance(.high) }
        case .airTemperature:
            if !c.faultedDevices.isEmpty { return maintenance(.medium) }
        case .humidity:
            if c.faultedDevices.contains("dehumidifier") { return maintenance(.high) }
            return decision("latent load above dehumidification", critical ? .high : .medium, .raiseDehumidification,
                            vpdRaise, "\(c.ruleID): humidity at \(reading); raising the VPD target by "
                            + "\(vpdRaise.formatted2) kPa makes the dehumidifier remove more water (mould risk)",
                            "Inspect the canopy of \(c.roomID) for Botrytis; check the dehumidifier's condensate.")
        case .co2 where !c.canVentilate:
            return decision(c.lightsOn ? "CO₂ overdosing" : "CO₂ build-up at night", critical ? .critical : .high, .none, 0,
                            "\(c.ruleID): CO₂ at \(reading) ppm but \(c.roomID) has no outdoor-air damper to ventilate with",
                            "Air \(c.roomID) by hand and check its CO₂ valve; keep people out until it clears.")
        case .co2:
            return decision(c.lightsOn ? "CO₂ overdosing" : "CO₂ build-up at night", critical ? .critical : .high,
                            .ventilate, ventilation,
                            "\(c.ruleID): CO₂ at \(reading) ppm\(c.lightsOn ? "" : " with the lamps off, when the crop takes none up")"
                            + "; open the outdoor-air damper to \((ventilation * 100).formatted2) % until it clears",
                            "Check the CO₂ valve and dosing controller of \(c.roomID); keep people out until it clears.")
        case .other:
            if !c.faultedDevices.isEmpty { return maintenance(.medium) }
        }
        return decision("no policy for this alert", .low, .none, 0, "\(c.ruleID): \(reading); nothing to do",
                        "Review the alert in \(c.roomID).")
    }
}
