import Foundation

/// Equilibrium moisture content of dried cannabis flower from air temperature and humidity
/// (a modified Henderson sorption isotherm), and its inverse, the water activity of flower
/// at a given moisture.
///
/// Modified Henderson (Thompson et al. 1968; ASABE Standard D245.6, *Moisture Relationships
/// of Plant-Based Agricultural Products*):
///
///     1 − a_w = exp(−K·(T + C)·X_eᴺ)   ⇔   X_e = [−ln(1 − a_w) / (K·(T + C))]^(1/N)
///
/// with X_e the dry-basis moisture (kg water per kg dry matter), T in °C and a_w = RH/100.
///
/// Parameters. No peer-reviewed isotherm of cannabis inflorescence was available, so K, C
/// and N are an **assumption** calibrated to industry practice: flower dried at ~60 °F
/// (15.6 °C) and 55–65 % RH ends at 10–12 % moisture (wet basis) with water activity
/// 0.55–0.65 (ASTM D8197-18 *Standard Specification for Maintaining Acceptable Water
/// Activity Range (0.55 to 0.65) for Dry Cannabis Flower*; the common "60/60 rule" of
/// growers' drying guides). C = 50 °C and N = 1.6 lie in the range ASABE D245.6 lists for
/// leafy herbs and forages; K = 0.389 then gives X_e = 0.125 (11.1 % w.b.) at 15.6 °C,
/// a_w 0.60, 10.3 % w.b. at a_w 0.55 and 12.1 % w.b. at a_w 0.65.
///
/// Inputs: temperature −10…60 °C; relative humidity 1…99 % (a_w 0.01…0.99); moisture
/// 0…20 kg/kg dry basis. Outputs: X_e in kg/kg dry basis; a_w dimensionless 0…1.
public struct MoistureIsotherm: Sendable, Equatable {
    /// K, 1/°C (assumption, see above).
    public var k: Double
    /// C, °C (assumption, ASABE D245.6 range for herbs).
    public var c: Double
    /// N, dimensionless (assumption, ASABE D245.6 range for herbs).
    public var n: Double

    public init(k: Double = 0.389, c: Double = 50, n: Double = 1.6) {
        self.k = k
        self.c = c
        self.n = n
    }

    /// Equilibrium dry-basis moisture X_e, kg water / kg dry matter.
    public func equilibriumMoisture(temperature: Double, relativeHumidity: Double) throws(ModelInputError) -> Double {
        let t = try ModelInputError.check(temperature, "drying air temperature", unit: "°C", in: -10...60)
        let rh = try ModelInputError.check(relativeHumidity, "drying air relative humidity", unit: "%", in: 1...99)
        return pow(-log(1 - rh / 100) / (k * (t + c)), 1 / n)
    }

    /// Water activity a_w of flower at dry-basis moisture `moisture` and temperature (0…1).
    public func waterActivity(moisture: Double, temperature: Double) throws(ModelInputError) -> Double {
        let x = try ModelInputError.check(moisture, "flower moisture (dry basis)", unit: "kg/kg", in: 0...20)
        let t = try ModelInputError.check(temperature, "air temperature", unit: "°C", in: -10...60)
        return 1 - exp(-k * (t + c) * pow(x, n))
    }

    /// Wet-basis moisture, % of fresh mass, from dry-basis moisture X (kg/kg).
    @inlinable public static func wetBasisPercent(dryBasis x: Double) -> Double { 100 * x / (1 + x) }

    /// Dry-basis moisture X (kg/kg) from wet-basis moisture, % (0…99.9).
    public static func dryBasis(wetBasisPercent w: Double) throws(ModelInputError) -> Double {
        let w = try ModelInputError.check(w, "moisture (wet basis)", unit: "%", in: 0...99.9)
        return w / (100 - w)
    }
}
