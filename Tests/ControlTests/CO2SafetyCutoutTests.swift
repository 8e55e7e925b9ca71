import Testing
import TwinModels
@testable import Control

@Suite("CO₂ safety cut-out")
struct CO2SafetyCutoutTests {
    @Test("trips above the trip level, holds through the band, releases below the release level")
    func hysteresis() throws {
        var cutout = try CO2SafetyCutout(tripLevel: 2000)
        #expect(cutout.releaseLevel == 1500)
        let allowed1 = cutout.allowsDosing(measuredCO2: 1999)
        #expect(allowed1)
        let allowed2 = cutout.allowsDosing(measuredCO2: 2001)
        #expect(!allowed2)
        let allowed3 = cutout.allowsDosing(measuredCO2: 1600)
        #expect(!allowed3, "inside the band it stays closed")
        let allowed4 = cutout.allowsDosing(measuredCO2: nil)
        #expect(!allowed4, "a dropout keeps the last decision")
        let allowed5 = cutout.allowsDosing(measuredCO2: 1499)
        #expect(allowed5)
        let allowed6 = cutout.allowsDosing(measuredCO2: 2500)
        #expect(!allowed6)
        #expect(cutout.trips == 2)
    }

    @Test("levels outside their ranges are refused")
    func ranges() {
        #expect(throws: ModelInputError.self) { try CO2SafetyCutout(tripLevel: 500) }
        #expect(throws: ModelInputError.self) { try CO2SafetyCutout(tripLevel: 2000, releaseLevel: 1990) }
    }
}
