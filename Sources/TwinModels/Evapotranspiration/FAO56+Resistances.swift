import Foundation

/// Aerodynamic and bulk surface resistances of FAO-56 (Allen et al. 1998) ch. 2, eqs. 4–5,
/// and the reference-grass values that turn the general Penman–Monteith form into eq. 6.
extension FAO56 {
    /// Height of the hypothetical reference grass, m (FAO-56 ch. 2).
    public static let referenceCropHeight = 0.12
    /// Bulk surface resistance of the reference grass, s m⁻¹: 100/(0.5·24·0.12) = 69.4, rounded to 70 (FAO-56 eq. 5).
    public static let referenceSurfaceResistance = 70.0
    /// r_a·u₂ of the reference grass with wind and humidity measured at 2 m, m (FAO-56 eq. 4 → r_a = 208/u₂).
    public static let referenceAerodynamicCoefficient = 208.0
    /// von Kármán's constant k (FAO-56 eq. 4).
    public static let vonKarman = 0.41

    /// Aerodynamic resistance for heat and vapour above a uniform crop, neutral stability
    /// (FAO-56 eq. 4):
    /// r_a = ln((z_m − d)/z_om)·ln((z_h − d)/z_oh) / (k²·u_z),
    /// with zero-plane displacement d = 2h/3, roughness for momentum z_om = 0.123 h and for heat
    /// and vapour z_oh = 0.1 z_om.
    ///
    /// For h = 0.12 m and z_m = z_h = 2 m this is 208/u₂ (207.7/u₂ before FAO-56's rounding).
    /// - Parameters:
    ///   - windSpeed: u_z at `windHeight`, m s⁻¹, 0.01…60 (r_a diverges at calm).
    ///   - windHeight: z_m, m, above d + z_om and ≤ 100.
    ///   - humidityHeight: z_h, m, above d + z_oh and ≤ 100.
    ///   - cropHeight: h, m, 0.001…50.
    /// - Returns: r_a, s m⁻¹.
    /// - Throws: `.inconsistent` if a measurement height is inside the canopy's roughness layer.
    public static func aerodynamicResistance(
        windSpeed: Double, windHeight: Double = 2, humidityHeight: Double = 2,
        cropHeight: Double = referenceCropHeight
    ) throws(ModelInputError) -> Double {
        let u = try ModelInputError.check(windSpeed, "wind speed", unit: "m s⁻¹", in: 0.01...60)
        let zm = try ModelInputError.check(windHeight, "wind measurement height", unit: "m", in: 0...100)
        let zh = try ModelInputError.check(humidityHeight, "humidity measurement height", unit: "m", in: 0...100)
        let h = try ModelInputError.check(cropHeight, "crop height", unit: "m", in: 0.001...50)
        let d = 2 * h / 3
        let zom = 0.123 * h
        let zoh = 0.1 * zom
        guard zm > d + zom else {
            throw ModelInputError(code: .inconsistent, quantity: "wind measurement height", value: zm, unit: "m",
                                  message: "wind measured at \(zm) m, inside the roughness layer of a \(h) m crop")
        }
        guard zh > d + zoh else {
            throw ModelInputError(code: .inconsistent, quantity: "humidity measurement height", value: zh, unit: "m",
                                  message: "humidity measured at \(zh) m, inside the roughness layer of a \(h) m crop")
        }
        return log((zm - d) / zom) * log((zh - d) / zoh) / (vonKarman * vonKarman * u)
    }

    /// Bulk surface resistance of a dense, well-watered canopy, r_s = r_l/LAI_active (FAO-56 eq. 5).
    ///
    /// FAO-56 takes LAI_active = 0.5·LAI (only the sunlit upper half transpires actively) and,
    /// for clipped grass, LAI = 24·h; with r_l = 100 s m⁻¹ and h = 0.12 m this gives ≈ 70 s m⁻¹.
    /// - Parameters:
    ///   - stomatalResistance: bulk stomatal resistance of a well-illuminated leaf r_l, s m⁻¹, 0…10000
    ///     (≈ 100 for grass; FAO-56).
    ///   - activeLeafAreaIndex: LAI_active, m² m⁻², 0.01…20.
    /// - Returns: r_s, s m⁻¹.
    public static func bulkSurfaceResistance(stomatalResistance: Double,
                                             activeLeafAreaIndex: Double) throws(ModelInputError) -> Double {
        let rl = try ModelInputError.check(stomatalResistance, "stomatal resistance", unit: "s m⁻¹", in: 0...10_000)
        let lai = try ModelInputError.check(activeLeafAreaIndex, "active leaf area index", unit: "m² m⁻²", in: 0.01...20)
        return rl / lai
    }
}
