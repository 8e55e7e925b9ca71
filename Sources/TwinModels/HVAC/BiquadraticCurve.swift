/// An EnergyPlus-style biquadratic performance curve
/// f(x, y) = a + b·x + c·x² + d·y + e·y² + f·x·y, with its inputs clamped to the fitted range.
///
/// Used for DX cooling capacity and energy-input ratio (EIR) as functions of the evaporator's
/// entering wet-bulb temperature x (°C) and the condenser's entering dry-bulb temperature y (°C).
/// Clamping follows EnergyPlus: curves are not extrapolated beyond their data.
public struct BiquadraticCurve: Sendable, Equatable {
    public var coefficients: (a: Double, b: Double, c: Double, d: Double, e: Double, f: Double)
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>

    public init(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ e: Double, _ f: Double,
                x: ClosedRange<Double>, y: ClosedRange<Double>) {
        coefficients = (a, b, c, d, e, f)
        xRange = x
        yRange = y
    }

    /// Evaluates the curve at (x, y), each clamped to its range.
    @inlinable
    public func callAsFunction(_ x: Double, _ y: Double) -> Double {
        let x = min(max(x, xRange.lowerBound), xRange.upperBound)
        let y = min(max(y, yRange.lowerBound), yRange.upperBound)
        let k = coefficients
        return k.a + x * (k.b + k.c * x) + y * (k.d + k.e * y) + k.f * x * y
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.coefficients == rhs.coefficients && lhs.xRange == rhs.xRange && lhs.yRange == rhs.yRange
    }

    /// Cooling-capacity modifier of a residential air-cooled DX unit: EnergyPlus 7.1 example
    /// `AirflowNetwork_MultiZone_House.idf` ("Curve I" in Modelica Buildings' DXCoils data).
    /// Equals 1.000 at the AHRI 210/240 rating point (19.4 °C wet bulb, 35 °C outdoor).
    public static let dxCoolingCapacity = BiquadraticCurve(
        0.942587793, 0.009543347, 0.000683770, -0.011042676, 0.000005249, -0.000009720,
        x: 12.78...23.89, y: 18.0...46.11)

    /// Energy-input-ratio modifier of the same unit (EIR = 1/COP); 1.000 at the rating point.
    public static let dxEnergyInputRatio = BiquadraticCurve(
        0.342414409, 0.034885008, -0.000623700, 0.004977216, 0.000437951, -0.000728028,
        x: 12.78...23.89, y: 18.0...46.11)
}
