import Foundation
import Testing
import Scenario
import SimKernel
@testable import Lab

/// A stuck CO₂ sensor below the setpoint while the lights are on makes the dosing loop inject
/// open-loop. In this sealed vertical-farm room (2 kg h⁻¹ into 500 m³, seed 2024) the sensor
/// sticks at 870 ppm at h 116.5 in the dark; with the lights switching on at midnight the loop
/// then doses blind for eight hours (≈ 1,100 ppm h⁻¹), past the crop model's 10,000 ppm limit at
/// h 128.3. The independent high-CO₂ monitor is what stops it.
@Suite("CO₂ safety", .serialized)
struct CO2SafetyTests {
    static func lettuce(cutout: Double, lightsOn: Double = 0, horizon: Double = 168) throws -> Scenario {
        try ScenarioLoader.parse("""
            schema: twinlab/scenario@1
            id: lettuce-stuck-co2
            seed: 2024
            horizon_hours: \(horizon)
            facility:
              start_year: 2025
              start_day_of_year: 1
              weather: {latitude_deg: 39.7, annual_mean_temperature_c: 10.5, seasonal_amplitude_c: 11, daily_amplitude_c: 7}
              rooms:
                - {id: lettuce, floor_area_m2: 100, height_m: 5, canopy_area_m2: 400, crop: {kind: lettuce, growing_days: 35},
                   lighting: {lamp: led, efficacy_umol_per_j: 3.0, max_ppfd_umol_m2_s: 300, ppfd_umol_m2_s: 250,
                              hours_on: 16, lights_on_hour: \(lightsOn)},
                   hvac: {co2_cutout_ppm: \(cutout)}}
            """, file: "lettuce-stuck-co2.yaml")
    }

    @Test("the high-CO₂ monitor holds a room with a stuck sensor near its trip level")
    func cutoutStopsBlindDosing() throws {
        let result = try RunPipeline.simulate(try Self.lettuce(cutout: 2000))
        let trips = try #require(result.kpis.first { $0.name == "co2_cutout_trips" }).value
        #expect(trips >= 1)
        // Lit hours above 2,000 ppm are the overshoot past the trip only: a few ppm·h, not thousands.
        let excess = try #require(result.kpis.first { $0.name == "co2_excess_lit" }).value
        #expect(excess < 100, "\(excess) ppm·h above 2,000 ppm while lit")
    }

    @Test("without the monitor the same room doses past 10,000 ppm and the run stops loudly")
    func withoutCutoutTheRunFails() throws {
        #expect(throws: SimulationError.self) { try RunPipeline.simulate(try Self.lettuce(cutout: 20_000)) }
    }

    @Test("an optimizer candidate that drives a room out of range is infeasible: reported, and the search goes on")
    func infeasibleCandidatesAreSkipped() throws {
        let settings = ScheduleOptimization.Settings(days: 7, iterations: 1, population: 2, firstSeed: 2024,
                                                     trainingSeeds: 1, holdoutSeeds: 2)
        let outcome = try ScheduleOptimization.run(try Self.lettuce(cutout: 20_000, lightsOn: 6), settings: settings)
        // The hour scan puts the lights on at 00:00 and 22:00, the two starts that dose blind.
        #expect(outcome.infeasibleCandidates >= 2)
        #expect(outcome.infeasible.contains { $0.policy.lightsOnHour == 0 && $0.reason.contains("CO2 concentration") })
        #expect(outcome.evaluations >= 24 + 2 + 23)
        #expect(outcome.candidate.lightsOnHour != 0 && outcome.candidate.lightsOnHour != 22)
    }
}
