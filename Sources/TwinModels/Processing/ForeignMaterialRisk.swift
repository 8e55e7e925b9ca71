import Foundation
import SimKernel

/// Foreign material (stems, machine debris, hair, packaging fibre) left in a batch by
/// mechanical trimming: each pass through a trimmer contaminates the batch with a fixed
/// probability, independently of other passes.
///
///     P(foreign material) = 1 − (1 − p)^passes
///
/// Foreign material is a fail criterion in state cannabis testing rules (e.g. Oregon
/// OAR 333-007-0400, Colorado 1 CCR 212-3 §4-115 visual inspection). The per-pass
/// probability is an **assumption** set per scenario; 0.02 per pass is the default.
///
/// Inputs: p 0…1 per pass; passes 0…100. Output: probability 0…1.
public struct ForeignMaterialRisk: Sendable, Equatable {
    /// p, probability per trimming pass.
    public var perPass: Double

    public init(perPass: Double = 0.02) { self.perPass = perPass }

    /// Probability that a batch trimmed in `passes` passes carries foreign material.
    public func probability(passes: Int) throws(ModelInputError) -> Double {
        let p = try ModelInputError.check(perPass, "foreign material probability per pass", unit: "", in: 0...1)
        _ = try ModelInputError.check(Double(passes), "trimming passes", unit: "", in: 0...100)
        return 1 - pow(1 - p, Double(passes))
    }

    /// Whether a batch trimmed in `passes` passes carries foreign material, drawn with one
    /// uniform from the caller's seeded stream.
    public func occurs(passes: Int, using stream: inout RandomStream) throws(ModelInputError) -> Bool {
        stream.uniform() < (try probability(passes: passes))
    }
}
