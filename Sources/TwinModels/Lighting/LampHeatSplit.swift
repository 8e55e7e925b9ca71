/// Where a lamp's electric power goes, in W m⁻² (per m² of lit canopy).
///
/// The four parts sum to the electric power: in a closed room every watt ends as heat,
/// either absorbed radiation (PAR, NIR, long-wave) or convection to the air.
public struct LampHeatSplit: Sendable, Hashable {
    /// Photosynthetically active radiation (400–700 nm), W m⁻².
    public var par: Double
    /// Near-infrared radiation, W m⁻².
    public var nir: Double
    /// Sensible heat convected from the fixture to the room air, W m⁻².
    public var convective: Double
    /// Long-wave (far-infrared) radiation from the hot fixture, W m⁻².
    public var longwave: Double

    /// Creates a split from its four parts, W m⁻².
    public init(par: Double, nir: Double, convective: Double, longwave: Double) {
        self.par = par
        self.nir = nir
        self.convective = convective
        self.longwave = longwave
    }

    /// The sum of the four parts, which equals the electric power, W m⁻².
    public var total: Double { par + nir + convective + longwave }

    /// Everything radiated (PAR + NIR + long-wave), absorbed by canopy and surfaces, W m⁻².
    public var radiant: Double { par + nir + longwave }
}
