import Testing
@testable import TwinModels

/// FAO-56 ch. 8 root-zone water balance and the water-stress coefficient Ks (eq. 84).
@Suite("Root-zone water")
struct RootZoneWaterTests {
    @Test("Ks is 1 up to RAW, then falls linearly to 0 at TAW (FAO-56 eq. 84)")
    func stressCoefficient() throws {
        var zone = try RootZoneWater(totalAvailableWater: 20, depletionFraction: 0.4)
        #expect(zone.readilyAvailableWater == 8)
        zone.extract(potential: 8)
        #expect(zone.depletion == 8 && zone.stressCoefficient == 1)
        zone.extract(potential: 1)          // Ks = 1 at the start of the step: all of it
        #expect(zone.depletion == 9)
        let expected = (20 - 9) / ((1 - 0.4) * 20)
        #expect(abs(zone.stressCoefficient - expected) < 1e-12)
        let taken = zone.extract(potential: 2)
        #expect(abs(taken - 2 * expected) < 1e-12)
    }

    @Test("uptake never drives depletion past TAW, and irrigation refills the root zone")
    func bounds() throws {
        var zone = try RootZoneWater(totalAvailableWater: 10, depletionFraction: 0.5)
        for _ in 0..<10_000 { zone.extract(potential: 0.05) }
        #expect(zone.depletion <= 10 && zone.stressCoefficient >= 0 && zone.stressCoefficient < 0.05)
        zone.irrigate()
        #expect(zone.depletion == 0 && zone.stressCoefficient == 1)
        #expect(zone.extract(potential: -1) == 0)
    }

    @Test("uptake already reduced by Ks is booked as it is, up to what is left")
    func takeActual() throws {
        var zone = try RootZoneWater(totalAvailableWater: 10, depletionFraction: 0.5)
        #expect(zone.take(actual: 7) == 7 && zone.depletion == 7)
        #expect(zone.take(actual: 5) == 3 && zone.depletion == 10 && zone.stressCoefficient == 0)
        #expect(zone.take(actual: -2) == 0)
    }

    @Test("invalid parameters are rejected", arguments: [(-5.0, 0.5), (0, 0.5), (15, 0.99), (15, 0)])
    func invalid(_ taw: Double, _ p: Double) {
        #expect(throws: ModelInputError.self) { try RootZoneWater(totalAvailableWater: taw, depletionFraction: p) }
    }
}
