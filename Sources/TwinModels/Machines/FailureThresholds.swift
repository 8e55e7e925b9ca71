import Foundation
import SimKernel

/// The individual machine's failure thresholds: one unit-exponential variate E = −ln U per
/// failure mode, drawn once by the caller.
///
/// Mode m fails when its cumulative hazard H_m reaches E_m (`WeibullLife`). The thresholds are
/// the only random element of a machine; everything after the draw is deterministic, so the
/// caller can find the failure time by advancing the model, or ask for it in advance
/// (`MachineModel.remainingUsefulLife(under:)`) and schedule a failure event. Independent
/// thresholds per mode make the modes independent competing risks.
public struct FailureThresholds: Sendable, Equatable, Hashable, Codable {
    /// E for bearing fatigue (> 0, dimensionless cumulative hazard).
    public var bearing: Double
    /// E for insulation ageing (> 0).
    public var insulation: Double
    /// E for electrical stress (> 0).
    public var electrical: Double

    /// Thresholds given directly as cumulative hazards.
    ///
    /// - Throws: `ModelInputError` unless each is in 1e-12…1000.
    public init(bearing: Double, insulation: Double, electrical: Double) throws(ModelInputError) {
        self.bearing = try Self.check(bearing, .bearing)
        self.insulation = try Self.check(insulation, .insulation)
        self.electrical = try Self.check(electrical, .electrical)
    }

    /// The median unit: every threshold is ln 2, so each mode fails at its median life.
    public static let median = FailureThresholds(unchecked: log(2.0))

    private init(unchecked e: Double) {
        bearing = e
        insulation = e
        electrical = e
    }

    /// Draws three thresholds from `stream`, always in the order bearing, insulation,
    /// electrical, one open uniform each, so a machine's draws never depend on its parameters.
    public static func draw(from stream: inout RandomStream) -> FailureThresholds {
        var t = FailureThresholds(unchecked: 1)
        t.bearing = exponential(uniform: stream.uniformOpen())
        t.insulation = exponential(uniform: stream.uniformOpen())
        t.electrical = exponential(uniform: stream.uniformOpen())
        return t
    }

    /// E = −ln U for U in the open interval (0, 1).
    @inlinable
    public static func exponential(uniform u: Double) -> Double { -log(u) }

    /// The threshold of `mode`.
    public subscript(mode: FailureMode) -> Double {
        get {
            switch mode {
            case .bearing: bearing
            case .insulation: insulation
            case .electrical: electrical
            }
        }
        set {
            switch mode {
            case .bearing: bearing = newValue
            case .insulation: insulation = newValue
            case .electrical: electrical = newValue
            }
        }
    }

    static func check(_ value: Double, _ mode: FailureMode) throws(ModelInputError) -> Double {
        try ModelInputError.check(value, "\(mode.rawValue) failure threshold", unit: "1", in: 1e-12...1000)
    }
}
