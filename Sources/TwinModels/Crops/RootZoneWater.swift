/// Water in a crop's root zone (substrate) as the FAO-56 single-layer water balance, with
/// the water-stress coefficient Ks that scales the crop's uptake and growth.
///
/// State: root-zone depletion D_r, mm (= L per m² of canopy), 0…TAW: water taken out since
/// the substrate was last at container capacity (field capacity). Inputs per step: the
/// crop's potential transpiration, mm; an irrigation event refills the root zone (D_r = 0).
///
/// Equations (Allen et al., FAO Irrigation and Drainage Paper 56, 1998, chapter 8):
/// - RAW = p·TAW (eq. 83), the readily available water;
/// - Ks = 1 for D_r ≤ RAW, Ks = (TAW − D_r)/((1 − p)·TAW) for D_r > RAW (eq. 84);
/// - actual uptake = Ks · potential (ET_c,adj = Ks·K_cb·ET_o, eq. 80, with the transpiration
///   the room computes standing in for K_cb·ET_o), so D_r approaches TAW without passing it.
///
/// Left out: evaporation from the substrate surface (drip-irrigated, covered media), deep
/// percolation beyond returning to capacity, and salinity stress.
public struct RootZoneWater: Sendable, Equatable {
    /// Total available water TAW, mm, 0.1…500 (FAO-56 eq. 82: 1000·(θ_FC − θ_WP)·Z_r; for a
    /// container, plant-available water per m² of canopy).
    public let totalAvailableWater: Double
    /// Depletion fraction p, 0.05…0.95 (FAO-56 Table 22: 0.3–0.6 for most crops; 0.5 common).
    public let depletionFraction: Double
    /// Root-zone depletion D_r, mm, 0…TAW.
    public private(set) var depletion: Double

    /// A root zone at container capacity (D_r = 0).
    ///
    /// - Throws: `ModelInputError` for TAW outside 0.1…500 mm or p outside 0.05…0.95.
    public init(totalAvailableWater: Double, depletionFraction: Double) throws(ModelInputError) {
        self.totalAvailableWater = try ModelInputError.check(totalAvailableWater, "total available water", unit: "mm",
                                                             in: 0.1...500)
        self.depletionFraction = try ModelInputError.check(depletionFraction, "depletion fraction", unit: "1",
                                                           in: 0.05...0.95)
        depletion = 0
    }

    /// RAW = p·TAW, mm.
    public var readilyAvailableWater: Double { depletionFraction * totalAvailableWater }

    /// Ks, 0…1 (FAO-56 eq. 84).
    public var stressCoefficient: Double {
        let raw = readilyAvailableWater
        guard depletion > raw else { return 1 }
        return max(0, (totalAvailableWater - depletion) / ((1 - depletionFraction) * totalAvailableWater))
    }

    /// Takes up `potential` mm of transpiration demand (≥ 0) at the current Ks.
    /// - Returns: the water actually taken up, mm (Ks·potential, at most what is left).
    @discardableResult
    public mutating func extract(potential: Double) -> Double {
        let actual = min(max(0, potential) * stressCoefficient, totalAvailableWater - depletion)
        depletion += actual
        return actual
    }

    /// Books `actual` mm of uptake (≥ 0) that the caller has already reduced by Ks (e.g. a
    /// room climate whose transpiration is Ks-adjusted), at most what is left.
    /// - Returns: the water taken up, mm.
    @discardableResult
    public mutating func take(actual: Double) -> Double {
        let taken = min(max(0, actual), totalAvailableWater - depletion)
        depletion += taken
        return taken
    }

    /// An irrigation event: the root zone back at container capacity (D_r = 0).
    public mutating func irrigate() { depletion = 0 }
}
