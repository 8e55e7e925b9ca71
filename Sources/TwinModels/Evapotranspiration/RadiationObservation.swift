/// How a day's solar radiation was recorded.
///
/// `ReferenceEvapotranspiration` turns each case into the solar radiation R_s (MJ m⁻² d⁻¹).
public enum RadiationObservation: Sendable, Hashable {
    /// Bright-sunshine duration n, h, 0…N (N the astronomical day length); R_s by Ångström (FAO-56 eq. 35).
    case sunshineHours(Double)
    /// Measured global shortwave radiation R_s, MJ m⁻² d⁻¹, 0…R_a (a pyranometer's daily sum).
    case solarRadiation(Double)
}
