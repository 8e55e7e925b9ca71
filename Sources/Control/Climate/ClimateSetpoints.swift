import TwinModels

/// The climate a grow room should hold, by light period: temperature, VPD and CO₂ targets with
/// the deadbands the baseline controller respects.
///
/// The VPD targets are air VPD (e°(T_air) − e) when `leafTemperatureOffset` is 0, or leaf VPD
/// with the leaf taken `leafTemperatureOffset` °C warmer than the air (negative: cooler, the
/// usual case under LEDs, where leaves run about 1–2 °C below air). Grower VPD charts quote
/// leaf VPD; set the offset when following one.
///
/// Stage presets follow common grower practice as summarised in the cultivation literature and
/// the widely reproduced VPD charts (propagation 0.4–0.8 kPa, vegetative 0.8–1.2 kPa, flowering
/// 1.0–1.5 kPa, rising towards harvest) and temperature/CO₂ guidance for cannabis rooms
/// (24–28 °C lights-on, 5–6 °C cooler at night; CO₂ enrichment 800–1500 ppm with lights on);
/// lettuce values sit in the 18–24 °C range of controlled-environment lettuce practice (the
/// Cornell CEA hydroponic lettuce handbook runs 24 °C day / 19 °C night at ≈ 1000 ppm CO₂;
/// vertical farms often run cooler, around 22/18 °C, against tipburn and bolting). They are
/// starting points for a scenario, not agronomic recommendations.
public struct ClimateSetpoints: Sendable, Equatable, Hashable {
    /// Air temperature setpoint with lights on, °C (10…40).
    public var dayTemperature: Double
    /// Air temperature setpoint with lights off, °C (10…40).
    public var nightTemperature: Double
    /// VPD target with lights on, kPa (0.2…3).
    public var dayVPD: Double
    /// VPD target with lights off, kPa (0.2…3).
    public var nightVPD: Double
    /// CO₂ target with lights on, ppm (300…2000); there is no dosing with lights off.
    public var co2LightsOn: Double
    /// Half-width of the temperature band in which the loop does not act on the error, °C (≥ 0).
    public var temperatureDeadband: Double
    /// Half-width of the VPD band in which the humidity loops do not act, kPa (≥ 0): the
    /// dehumidifier's band is centred on the target, the humidifier's on target + margin.
    public var vpdDeadband: Double
    /// VPD above target by more than this starts humidification, kPa (≥ 0); larger than
    /// `vpdDeadband` because over-humidifying risks mould and a slightly dry room does not.
    public var humidifyMargin: Double
    /// Half-width of the CO₂ band around the target in which the dosing loop does not act, ppm (≥ 0).
    public var co2Deadband: Double
    /// Leaf minus air temperature used for the VPD, °C (−5…5); 0 targets air VPD.
    public var leafTemperatureOffset: Double

    /// Setpoints with every value explicit except the deadbands, which default to values a
    /// commercial climate computer would use (±0.3 °C, 0.05 kPa, 0.3 kPa, 25 ppm).
    public init(
        dayTemperature: Double, nightTemperature: Double, dayVPD: Double, nightVPD: Double,
        co2LightsOn: Double, temperatureDeadband: Double = 0.3, vpdDeadband: Double = 0.05,
        humidifyMargin: Double = 0.3, co2Deadband: Double = 25, leafTemperatureOffset: Double = 0
    ) {
        self.dayTemperature = dayTemperature
        self.nightTemperature = nightTemperature
        self.dayVPD = dayVPD
        self.nightVPD = nightVPD
        self.co2LightsOn = co2LightsOn
        self.temperatureDeadband = temperatureDeadband
        self.vpdDeadband = vpdDeadband
        self.humidifyMargin = humidifyMargin
        self.co2Deadband = co2Deadband
        self.leafTemperatureOffset = leafTemperatureOffset
    }

    /// The temperature setpoint for the light state, °C.
    @inlinable public func temperature(lightsOn: Bool) -> Double {
        lightsOn ? dayTemperature : nightTemperature
    }

    /// The VPD target for the light state, kPa.
    @inlinable public func vpd(lightsOn: Bool) -> Double {
        lightsOn ? dayVPD : nightVPD
    }

    /// Checks every value against its documented range.
    ///
    /// - Throws: `ModelInputError` naming the first value out of range.
    public func validate() throws(ModelInputError) {
        _ = try ModelInputError.check(dayTemperature, "day temperature setpoint", unit: "°C", in: 10...40)
        _ = try ModelInputError.check(nightTemperature, "night temperature setpoint", unit: "°C", in: 10...40)
        _ = try ModelInputError.check(dayVPD, "day VPD target", unit: "kPa", in: 0.2...3)
        _ = try ModelInputError.check(nightVPD, "night VPD target", unit: "kPa", in: 0.2...3)
        _ = try ModelInputError.check(co2LightsOn, "CO2 target", unit: "ppm", in: 300...2000)
        _ = try ModelInputError.check(temperatureDeadband, "temperature deadband", unit: "°C", in: 0...5)
        _ = try ModelInputError.check(vpdDeadband, "VPD deadband", unit: "kPa", in: 0...1)
        _ = try ModelInputError.check(humidifyMargin, "humidify margin", unit: "kPa", in: 0...2)
        _ = try ModelInputError.check(co2Deadband, "CO2 deadband", unit: "ppm", in: 0...500)
        _ = try ModelInputError.check(leafTemperatureOffset, "leaf temperature offset", unit: "°C", in: -5...5)
    }

    // MARK: Stage presets

    /// Propagation (clones, seedlings): 25 °C day / 22 °C night, VPD 0.7 / 0.6 kPa (the
    /// 0.6–0.8 kPa band; high humidity while roots form), CO₂ 800 ppm.
    public static let propagation = ClimateSetpoints(
        dayTemperature: 25, nightTemperature: 22, dayVPD: 0.7, nightVPD: 0.6, co2LightsOn: 800)

    /// Vegetative growth: 26 °C / 22 °C, VPD 0.9 / 0.8 kPa, CO₂ 1000 ppm.
    public static let vegetative = ClimateSetpoints(
        dayTemperature: 26, nightTemperature: 22, dayVPD: 0.9, nightVPD: 0.8, co2LightsOn: 1000)

    /// Early flowering (weeks 1–5): 25 °C / 20 °C, VPD 1.2 / 1.0 kPa, CO₂ 1200 ppm.
    public static let floweringEarly = ClimateSetpoints(
        dayTemperature: 25, nightTemperature: 20, dayVPD: 1.2, nightVPD: 1.0, co2LightsOn: 1200)

    /// Late flowering (ripening): 25 °C / 20 °C, VPD 1.4 / 1.2 kPa (drier air against bud
    /// rot), CO₂ 1000 ppm (enrichment pays less as growth slows).
    public static let floweringLate = ClimateSetpoints(
        dayTemperature: 25, nightTemperature: 20, dayVPD: 1.4, nightVPD: 1.2, co2LightsOn: 1000)

    /// Lettuce (hydroponic, vertical farm): 22 °C / 18 °C, VPD 0.8 / 0.6 kPa (tipburn
    /// risk rises with both too low and too high transpiration), CO₂ 1000 ppm.
    public static let lettuce = ClimateSetpoints(
        dayTemperature: 22, nightTemperature: 18, dayVPD: 0.8, nightVPD: 0.6, co2LightsOn: 1000)
}
