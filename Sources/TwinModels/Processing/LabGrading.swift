/// The lab's grading rule: moisture, mould, foreign material and potency to a grade A/B/C/reject.
///
/// Mould (a failed yeast-and-mould or visual test) rejects a batch outright, as state
/// testing rules require (e.g. Colorado 1 CCR 212-3 §4-115; Oregon OAR 333-007-0400).
/// Otherwise penalty points add up — moisture outside the ideal band (+1) or outside the
/// acceptable band (+2), foreign material (+1), potency below the A threshold (+1) or below
/// the C threshold (+2) — and 0 → A, 1 → B, 2 → C, 3 or more → reject. The bands follow the
/// 10–12 % moisture target of ASTM D8197-18 practice; the point scheme and the thresholds
/// are an **assumption**, configurable per scenario.
///
/// Inputs: moisture wet basis % (0…100), potency % THC (0…40). Output: `LabGrade`.
public struct LabGrading: Sendable, Equatable {
    /// Ideal moisture band, % wet basis.
    public var idealMoisture: ClosedRange<Double>
    /// Acceptable moisture band, % wet basis (contains the ideal band).
    public var acceptableMoisture: ClosedRange<Double>
    /// Potency at or above which no potency point is given, % THC.
    public var potencyForA: Double
    /// Potency below which two points are given, % THC.
    public var potencyForC: Double

    public init(idealMoisture: ClosedRange<Double> = 10...12.5, acceptableMoisture: ClosedRange<Double> = 8.5...14,
                potencyForA: Double = 18, potencyForC: Double = 12) {
        self.idealMoisture = idealMoisture
        self.acceptableMoisture = acceptableMoisture
        self.potencyForA = potencyForA
        self.potencyForC = potencyForC
    }

    /// The grade of a batch with these lab results.
    public func grade(moisturePercent: Double, mould: Bool, foreignMaterial: Bool,
                      potencyPercent: Double) throws(ModelInputError) -> LabGrade {
        let moisture = try ModelInputError.check(moisturePercent, "moisture (wet basis)", unit: "%", in: 0...100)
        let potency = try ModelInputError.check(potencyPercent, "THC potency", unit: "%", in: 0...40)
        if mould { return .reject }
        var points = 0
        if !acceptableMoisture.contains(moisture) { points += 2 } else if !idealMoisture.contains(moisture) { points += 1 }
        if foreignMaterial { points += 1 }
        if potency < potencyForC { points += 2 } else if potency < potencyForA { points += 1 }
        return LabGrade(rawValue: min(points, 3)) ?? .reject
    }
}
