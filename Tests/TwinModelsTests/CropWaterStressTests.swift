import Testing
@testable import TwinModels

/// The root-zone water-stress coefficient Ks in `CanopyConditions` scales the crops' growth;
/// Ks = 1 leaves them exactly as before.
@Suite("Crop water stress")
struct CropWaterStressTests {
    static func conditions(_ ks: Double) throws -> CanopyConditions {
        try CanopyConditions(ppfd: 900, canopyTemperature: 25, co2: 1000, leafVPD: 1.1, photoperiodHours: 12,
                             waterStress: ks)
    }

    static func flowering() throws -> CannabisCrop {
        var parameters = CannabisParameters()
        parameters.propagationDays = 0
        parameters.vegetativeDays = 0
        return try CannabisCrop(parameters: parameters)
    }

    @Test("cannabis: Ks halves flower growth and books the difference as water-stress loss")
    func cannabis() throws {
        var watered = try Self.flowering(), dry = try Self.flowering(), implicit = try Self.flowering()
        for _ in 0..<600 {
            try watered.advance(seconds: 60, conditions: try Self.conditions(1))
            try dry.advance(seconds: 60, conditions: try Self.conditions(0.5))
            try implicit.advance(seconds: 60, conditions: try CanopyConditions(
                ppfd: 900, canopyTemperature: 25, co2: 1000, leafVPD: 1.1, photoperiodHours: 12))
        }
        #expect(watered.harvestableDryMass > 0)
        #expect(abs(dry.harvestableDryMass - 0.5 * watered.harvestableDryMass) < 1e-9 * watered.harvestableDryMass)
        #expect(abs(dry.waterStressFlowerLoss - 0.5 * watered.harvestableDryMass) < 1e-9 * watered.harvestableDryMass)
        #expect(watered.waterStressFlowerLoss == 0)
        #expect(implicit.harvestableDryMass == watered.harvestableDryMass)
    }

    @Test("lettuce: a water-stressed crop gains less dry mass")
    func lettuce() throws {
        var watered = try LettuceCrop(), dry = try LettuceCrop()
        for _ in 0..<(3 * 24 * 60) {
            try watered.advance(seconds: 60, conditions: try Self.conditions(1))
            try dry.advance(seconds: 60, conditions: try Self.conditions(0.3))
        }
        #expect(dry.totalDryMass < watered.totalDryMass)
        #expect(dry.totalDryMass > 0)
    }

    @Test("Ks outside 0…1 is rejected", arguments: [-0.1, 1.5, Double.nan])
    func invalid(_ ks: Double) {
        #expect(throws: ModelInputError.self) { try Self.conditions(ks) }
    }
}
