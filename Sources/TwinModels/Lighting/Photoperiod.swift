/// A daily lighting schedule: lights on at a clock hour for a number of hours, wrapping past midnight.
///
/// Simulation hour 0 is taken as midnight of the first day, so the hour of day of simulation
/// time t (h) is t mod 24. Presets follow docs/model-reference.md §Lighting: 18/6 vegetative and
/// 12/12 flowering (Rodriguez-Morrison et al. 2021; Llewellyn et al. 2022), 16/8 for lettuce.
///
/// Parameters:
/// - `hoursOn`: photoperiod, h, 0–24 (0 = always dark, 24 = always lit).
/// - `lightsOnHour`: clock hour the lights switch on, h, [0, 24).
public struct Photoperiod: Sendable, Hashable {
    /// Hours of light per day, h.
    public let hoursOn: Double
    /// Clock hour the lights switch on, h.
    public let lightsOnHour: Double

    /// Creates a schedule, checking both values.
    ///
    /// - Parameters:
    ///   - hoursOn: h, 0–24.
    ///   - lightsOnHour: h, 0 ≤ value < 24.
    public init(hoursOn: Double, lightsOnHour: Double = 0) throws(ModelInputError) {
        self.hoursOn = try ModelInputError.check(hoursOn, "photoperiod", unit: "h", in: 0...24)
        let on = try ModelInputError.check(lightsOnHour, "lights-on hour", unit: "h", in: 0...24)
        guard on < 24 else {
            throw ModelInputError(code: .outOfRange, quantity: "lights-on hour", value: on, unit: "h", validRange: 0...24,
                                  message: "lights-on hour must be below 24 (use 0 for midnight)")
        }
        self.lightsOnHour = on
    }

    private init(uncheckedHoursOn: Double, lightsOnHour: Double) {
        hoursOn = uncheckedHoursOn
        self.lightsOnHour = lightsOnHour
    }

    /// 18 h light / 6 h dark, lights on at 06:00 (vegetative growth of short-day crops).
    public static let vegetative = Photoperiod(uncheckedHoursOn: 18, lightsOnHour: 6)
    /// 12 h light / 12 h dark, lights on at 06:00 (flowering of short-day crops such as cannabis).
    public static let flowering = Photoperiod(uncheckedHoursOn: 12, lightsOnHour: 6)
    /// 16 h light / 8 h dark, lights on at 06:00 (leafy greens in vertical farms).
    public static let lettuce = Photoperiod(uncheckedHoursOn: 16, lightsOnHour: 6)

    /// Clock hour the lights switch off, h, [0, 24).
    public var lightsOffHour: Double {
        let off = lightsOnHour + hoursOn
        return off >= 24 ? off - 24 : off
    }

    /// Hours since the last lights-on instant, in [0, 24).
    @inlinable
    func phase(atHours t: Double) -> Double {
        let p = (t - lightsOnHour).truncatingRemainder(dividingBy: 24)
        return p < 0 ? p + 24 : p
    }

    /// Whether the lights are on at a clock hour (on at the switch-on instant, off at switch-off).
    ///
    /// - Parameter hourOfDay: h; any finite value, reduced modulo 24.
    @inlinable
    public func isOn(hourOfDay: Double) -> Bool {
        phase(atHours: hourOfDay) < hoursOn
    }

    /// Whether the lights are on at simulation time t (h since midnight of day 0).
    @inlinable
    public func isOn(atHours t: Double) -> Bool {
        isOn(hourOfDay: t)
    }

    /// The simulation hour of the next on/off change strictly after t, or nil if the schedule
    /// never switches (0 h or 24 h of light).
    ///
    /// - Parameter t: simulation time, h since midnight of day 0.
    /// - Returns: absolute simulation hour of the next switch, h.
    public func nextSwitch(afterHours t: Double) -> Double? {
        guard hoursOn > 0, hoursOn < 24 else { return nil }
        let p = phase(atHours: t)
        return p < hoursOn ? t + (hoursOn - p) : t + (24 - p)
    }
}
