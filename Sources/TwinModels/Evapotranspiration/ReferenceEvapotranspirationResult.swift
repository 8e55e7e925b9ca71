/// A day's FAO-56 reference evapotranspiration with every intermediate, for reports and checks.
///
/// Units follow FAO-56: kPa, °C, m s⁻¹, h, MJ m⁻² d⁻¹ and mm d⁻¹. The equation numbers are
/// those of Allen et al. (1998). Values for FAO-56 Example 18 (Brussels, 6 July) are quoted.
public struct ReferenceEvapotranspirationResult: Sendable, Hashable {
    /// Atmospheric pressure P, kPa (eq. 7).
    public var atmosphericPressure: Double
    /// Psychrometric constant γ, kPa °C⁻¹ (eq. 8; 0.0666).
    public var psychrometricConstant: Double
    /// Wind speed at 2 m u₂, m s⁻¹ (eq. 47; 2.078).
    public var windSpeed2m: Double
    /// Mean air temperature (T_max + T_min)/2, °C (eq. 9).
    public var meanTemperature: Double
    /// Slope of the saturation curve at the mean temperature Δ, kPa °C⁻¹ (eq. 13; 0.122).
    public var slope: Double
    /// Mean saturation vapour pressure e_s, kPa (eq. 12; 1.997).
    public var saturationVapourPressure: Double
    /// Actual vapour pressure e_a, kPa (eqs. 14, 17 or 19; 1.409).
    public var actualVapourPressure: Double
    /// Vapour pressure deficit e_s − e_a, kPa (negative if the dew point is above the mean of the extremes).
    public var vapourPressureDeficit: Double { saturationVapourPressure - actualVapourPressure }
    /// Extraterrestrial radiation R_a, MJ m⁻² d⁻¹ (eq. 21; 41.09).
    public var extraterrestrialRadiation: Double
    /// Astronomical day length N, h (eq. 34; 16.1).
    public var daylightHours: Double
    /// Solar radiation R_s, MJ m⁻² d⁻¹ (eq. 35 or measured; 22.07).
    public var solarRadiation: Double
    /// Clear-sky solar radiation R_so, MJ m⁻² d⁻¹ (eq. 37).
    public var clearSkyRadiation: Double
    /// Net shortwave radiation R_ns, MJ m⁻² d⁻¹ (eq. 38).
    public var netShortwaveRadiation: Double
    /// Net outgoing longwave radiation R_nl, MJ m⁻² d⁻¹ (eq. 39; 3.71).
    public var netLongwaveRadiation: Double
    /// Net radiation R_n, MJ m⁻² d⁻¹ (eq. 40; 13.28).
    public var netRadiation: Double
    /// Soil heat flux G, MJ m⁻² d⁻¹ (the input; 0 for a day).
    public var soilHeatFlux: Double
    /// Reference evapotranspiration ET₀, mm d⁻¹ (eq. 6; 3.9).
    public var referenceEvapotranspiration: Double

    /// Creates a result; `ReferenceEvapotranspiration.daily(_:)` is the usual source.
    public init(atmosphericPressure: Double, psychrometricConstant: Double, windSpeed2m: Double,
                meanTemperature: Double, slope: Double, saturationVapourPressure: Double,
                actualVapourPressure: Double, extraterrestrialRadiation: Double, daylightHours: Double,
                solarRadiation: Double, clearSkyRadiation: Double, netShortwaveRadiation: Double,
                netLongwaveRadiation: Double, netRadiation: Double, soilHeatFlux: Double,
                referenceEvapotranspiration: Double) {
        self.atmosphericPressure = atmosphericPressure
        self.psychrometricConstant = psychrometricConstant
        self.windSpeed2m = windSpeed2m
        self.meanTemperature = meanTemperature
        self.slope = slope
        self.saturationVapourPressure = saturationVapourPressure
        self.actualVapourPressure = actualVapourPressure
        self.extraterrestrialRadiation = extraterrestrialRadiation
        self.daylightHours = daylightHours
        self.solarRadiation = solarRadiation
        self.clearSkyRadiation = clearSkyRadiation
        self.netShortwaveRadiation = netShortwaveRadiation
        self.netLongwaveRadiation = netLongwaveRadiation
        self.netRadiation = netRadiation
        self.soilHeatFlux = soilHeatFlux
        self.referenceEvapotranspiration = referenceEvapotranspiration
    }
}
