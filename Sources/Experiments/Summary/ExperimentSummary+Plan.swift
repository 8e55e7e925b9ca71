extension SummaryLayout {
    /// The layout of `plan`: its variants or design points in plan order, the spec's baseline,
    /// responses and seeds, each design point's numeric factor values, and for a `sobol` design
    /// the factor paths and N.
    public init(plan: ExperimentPlan) {
        var factorValues: [String: [String: Double]] = [:]
        for point in plan.points where point.index != nil && !point.factors.isEmpty {
            factorValues[point.name] = point.factors
        }
        var sobol: SobolLayout?
        if case .sobol(let factors, let baseSamples) = plan.spec.design {
            sobol = SobolLayout(factors: factors.map(\.path), baseSamples: baseSamples)
        }
        self.init(experiment: plan.spec.id, variants: plan.variants, baseline: plan.spec.baseline,
                  responses: plan.spec.responses, seeds: plan.spec.seeds, factorValues: factorValues, sobol: sobol)
    }
}

extension ExperimentSummary {
    /// The summary of the runs of `plan` that reported `observations` (see `make(layout:observations:)`).
    public static func make(plan: ExperimentPlan, observations: [ResponseObservation]) throws -> ExperimentSummary {
        try make(layout: SummaryLayout(plan: plan), observations: observations)
    }
}

extension SequentialDecision {
    /// The decision for `summary` under the experiment's `sequential` rule.
    public static func decide(_ summary: ExperimentSummary, rule: SequentialRule) throws -> SequentialDecision {
        try decide(summary, relativeHalfWidth: rule.relativeHalfWidth, maxReplications: rule.maxReplications)
    }
}
