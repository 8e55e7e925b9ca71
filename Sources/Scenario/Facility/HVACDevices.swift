import TwinModels

/// The climate devices an `hvac` section installs, built by the models that simulate them; a
/// capacity of zero installs none.
///
/// The loader builds them once, so `twinlab validate` refuses exactly the capacities the models
/// refuse (e.g. a cooling capacity sized from a 8 × 10⁵ m² canopy, above the coil's 5 MW), and
/// every run's rooms build them again from the same spec: one check serves both.
public struct HVACDevices {
    public var cooling: CoolingCoil?
    public var heater: Heater?
    public var dehumidifier: Dehumidifier?
    public var humidifier: Humidifier?
    public var fan: Fan?
    public var injector: CO2Injector?
    public var damper: OutdoorAirDamper?

    /// Builds every installed device.
    /// - Throws: ``HVACDeviceError`` naming the `hvac` key of the first device its model refuses.
    public init(spec: HVACSpec) throws(HVACDeviceError) {
        func build<Device>(_ key: String, _ make: () throws(ModelInputError) -> Device) throws(HVACDeviceError) -> Device {
            do { return try make() } catch { throw HVACDeviceError(key: key, underlying: error) }
        }
        cooling = spec.coolingKW > 0 ? try build("cooling_kw") { () throws(ModelInputError) in
            try CoolingCoil(ratedCapacity: spec.coolingKW * 1000, ratedCOP: spec.coolingCOP) } : nil
        heater = spec.heatingKW > 0 ? try build("heating_kw") { () throws(ModelInputError) in
            try Heater(ratedOutput: spec.heatingKW * 1000, coefficientOfPerformance: spec.heatingCOP) } : nil
        dehumidifier = spec.dehumidifierLitresPerDay > 0 ? try build("dehumidifier_l_per_day") { () throws(ModelInputError) in
            try Dehumidifier(ratedRemoval: spec.dehumidifierLitresPerDay, efficiency: spec.dehumidifierLitresPerKWh) } : nil
        humidifier = spec.humidifierKilogramsPerHour > 0 ? try build("humidifier_kg_per_h") { () throws(ModelInputError) in
            try Humidifier(kind: .adiabatic, ratedOutput: spec.humidifierKilogramsPerHour) } : nil
        fan = spec.fanWatts > 0 ? try build("fan_w") { () throws(ModelInputError) in
            try Fan(ratedPower: spec.fanWatts) } : nil
        injector = spec.co2KilogramsPerHour > 0 ? try build("co2_kg_per_h") { () throws(ModelInputError) in
            try CO2Injector(ratedFlow: spec.co2KilogramsPerHour) } : nil
        damper = spec.outdoorAirCubicMetresPerSecond > 0 ? try build("outdoor_air_m3_per_s") { () throws(ModelInputError) in
            try OutdoorAirDamper(ratedFlow: spec.outdoorAirCubicMetresPerSecond) } : nil
    }
}

/// An `hvac` capacity a device model refuses, with the key that set it (or sized it, when left out).
public struct HVACDeviceError: Error, Sendable, CustomStringConvertible {
    /// The `hvac` key, e.g. `cooling_kw`.
    public var key: String
    /// The model's own refusal.
    public var underlying: ModelInputError

    public var description: String { "hvac.\(key): \(underlying.message)" }
}
