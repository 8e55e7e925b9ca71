import Foundation
import Testing
import Scenario
@testable import Lab

/// Comfort KPIs are scored against each crop stage's fixed reference band, never against the
/// setpoints a scenario or a policy chose (docs/scenario-format.md, "Stage setpoints and comfort bands").
@Suite("Comfort reference bands")
struct ComfortBandTests {
    static func room(setpoints: String) throws -> Scenario {
        try ScenarioLoader.parse("""
            schema: twinlab/scenario@1
            id: band
            seed: 3
            horizon_hours: 48
            facility:
              rooms:
                - id: flower
                  floor_area_m2: 60
                  canopy_area_m2: 45
                  crop: {kind: cannabis, start_stage: flowering, start_day: 10}
                  sensors: ideal
            \(setpoints)
            """, file: "band.yaml")
    }

    static func kpi(_ result: RunPipeline.SimulationResult, _ name: String) throws -> Double {
        try #require(result.kpis.first { $0.name == name }).value
    }

    @Test("a room held 4 °C above the stage's reference is out of band, whatever its own setpoint says")
    func overriddenSetpointIsStillScoredAgainstTheReference() throws {
        let reference = try RunPipeline.simulate(try Self.room(setpoints: ""))
        let warm = try RunPipeline.simulate(try Self.room(setpoints: "      setpoints: {day_temperature_c: 29}"))
        let offset = try RunPipeline.simulate(try Self.room(setpoints: "      setpoints: {day_temperature_offset_c: 4}"))
        // Early flowering: 25 °C by day, band 23–27 °C; a room held at 29 °C spends its lit hours
        // about 2 K above the band.
        #expect(try Self.kpi(reference, "temperature_discomfort") < 1)
        #expect(try Self.kpi(warm, "temperature_discomfort") > 20)
        // The same climate reached by an offset scores the same.
        #expect(abs(try Self.kpi(offset, "temperature_discomfort") - Self.kpi(warm, "temperature_discomfort")) < 1e-6)
    }

    @Test("a lower CO₂ target shows as a CO₂ deficit against the stage's reference")
    func co2DeficitAgainstReference() throws {
        let reference = try RunPipeline.simulate(try Self.room(setpoints: ""))
        let lean = try RunPipeline.simulate(try Self.room(setpoints: "      setpoints: {co2_ppm: 700}"))
        #expect(try Self.kpi(lean, "co2_deficit_lit") > Self.kpi(reference, "co2_deficit_lit") + 1000)
    }
}
