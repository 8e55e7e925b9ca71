/// How `Psychrometrics.wetBulbTemperature` computes the thermodynamic wet-bulb temperature.
public enum WetBulbMethod: String, CaseIterable, Sendable, Codable {
    /// Solve the ASHRAE psychrometer equation (ASHRAE Handbook—Fundamentals 2017 ch. 1
    /// eq. 33 over water, eq. 35 over ice) for T_wb by bisection to 1e-9 °C.
    /// Uses the given barometric pressure and saturation formula; exact to the
    /// equation's own accuracy.
    case psychrometric
    /// The empirical fit of Stull (2011), J. Appl. Meteor. Climatol. 50:2267–2269.
    /// Closed form, valid for RH 5–99 % and T −20…50 °C at standard sea-level pressure
    /// only (pressure and formula are ignored); Stull reports errors of −1 to +0.65 °C.
    case stull2011
}
