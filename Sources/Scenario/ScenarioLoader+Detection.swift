/// Reading of the optional top-level `detection` section (docs/scenario-format.md).
extension ScenarioLoader {
    static func readDetection(_ reader: FieldReader?) -> DetectionSpec {
        var spec = DetectionSpec()
        guard let reader else { return spec }
        spec.sampleMinutes = reader.double("sample_minutes", default: spec.sampleMinutes, in: 1...1440, unit: "minutes")
        spec.warmUpSamples = reader.int("warm_up_samples", default: spec.warmUpSamples, in: 2...100_000)
        spec.rearmAfterHours = reader.double("rearm_after_hours", default: spec.rearmAfterHours, in: 0.25...8760,
                                             unit: "hours")
        if let ewma = reader.section("ewma", required: false) {
            spec.ewmaLambda = ewma.double("lambda", default: spec.ewmaLambda, in: 0.001...1, unit: "weight")
            spec.ewmaLimit = ewma.double("limit_sigma", default: spec.ewmaLimit, in: 0.1...10, unit: "σ")
            ewma.finish()
        }
        if let cusum = reader.section("cusum", required: false) {
            spec.cusumK = cusum.double("k_sigma", default: spec.cusumK, in: 0...10, unit: "σ")
            spec.cusumH = cusum.double("h_sigma", default: spec.cusumH, in: 0.1...100, unit: "σ")
            cusum.finish()
        }
        if let ph = reader.section("page_hinkley", required: false) {
            spec.pageHinkleyDelta = ph.double("delta_sigma", default: spec.pageHinkleyDelta, in: 0...10, unit: "σ")
            spec.pageHinkleyThreshold = ph.double("threshold_sigma", default: spec.pageHinkleyThreshold, in: 0.1...10_000,
                                                  unit: "σ")
            spec.pageHinkleyMinimumSamples = ph.int("min_samples", default: spec.pageHinkleyMinimumSamples, in: 1...10_000)
            ph.finish()
        }
        if let rolling = reader.section("rolling_threshold", required: false) {
            spec.rollingWindow = rolling.int("window_samples", default: spec.rollingWindow, in: 2...100_000)
            spec.rollingK = rolling.double("k_sigma", default: spec.rollingK, in: 0.1...100, unit: "σ")
            rolling.finish()
        }
        reader.finish()
        return spec
    }
}
