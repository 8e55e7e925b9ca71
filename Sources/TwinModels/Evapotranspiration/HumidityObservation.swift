/// How a day's air humidity was recorded, in the order of preference of FAO-56 ch. 3.
///
/// `ReferenceEvapotranspiration` turns each case into the actual vapour pressure e_a (kPa).
public enum HumidityObservation: Sendable, Hashable {
    /// Mean dew-point temperature, °C, −40…50 (FAO-56 eq. 14, the preferred source).
    case dewPoint(Double)
    /// Daily maximum and minimum relative humidity, %, 0–100 with minimum ≤ maximum (FAO-56 eq. 17).
    case relativeHumidityExtremes(maximum: Double, minimum: Double)
    /// Mean relative humidity, %, 0–100 (FAO-56 eq. 19; the least reliable source).
    case meanRelativeHumidity(Double)
    /// Actual vapour pressure e_a, kPa, 0…e°(T_max), already known (e.g. monthly climate tables).
    case vapourPressure(Double)
}
