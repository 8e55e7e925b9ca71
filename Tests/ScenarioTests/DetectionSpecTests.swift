import Testing
@testable import Scenario

/// The optional `detection` section: defaults, overrides, and rejected values.
struct DetectionSpecTests {
    static func parse(_ detection: String) throws -> Scenario {
        try ScenarioLoader.parse("""
            schema: twinlab/scenario@1
            id: d
            horizon_hours: 10
            \(detection)
            fleet:
              machines: [{id_prefix: pump, kind: pump}]
              technicians: {count: 1}
            """, file: "d.yaml")
    }

    @Test("without the section the documented defaults hold; keys override them")
    func defaultsAndOverrides() throws {
        #expect(try Self.parse("").detection == DetectionSpec())
        let spec = try Self.parse("detection: {sample_minutes: 5, cusum: {h_sigma: 4}, page_hinkley: {min_samples: 30}}").detection
        #expect(spec.sampleMinutes == 5 && spec.cusumH == 4 && spec.pageHinkleyMinimumSamples == 30)
        #expect(spec.ewmaLambda == DetectionSpec().ewmaLambda)
    }

    @Test("out-of-range values and unknown keys are reported with their field")
    func badValues() throws {
        let error = #expect(throws: ScenarioError.self) {
            try Self.parse("detection: {sample_minutes: 0, ewma: {lamda: 0.2}, rolling_threshold: {window_samples: 1}}")
        }
        let fields = error?.issues.map(\.field) ?? []
        #expect(fields.contains("detection.sample_minutes"))
        #expect(fields.contains { $0.hasPrefix("detection.ewma") })
        #expect(fields.contains("detection.rolling_threshold.window_samples"))
    }
}
