import Testing
import Control
import TwinModels

@Suite("High-temperature lighting interlock")
struct LightingInterlockTests {
    @Test("trips above the limit, holds through the hysteresis band and through dropouts, releases below it")
    func hysteresis() throws {
        var interlock = try LightingInterlock(tripTemperature: 35, releaseTemperature: 30)
        let readings: [Double?] = [28, 34.9, 35.1, 33, nil, 30.5, 29.9, 31, 36]
        let allowed = readings.map { interlock.allowsLights(measuredTemperature: $0) }
        #expect(allowed == [true, true, false, false, false, false, true, true, false])
        #expect(interlock.trips == 2)
    }

    @Test("a release temperature above the trip is rejected")
    func validation() {
        #expect(throws: ModelInputError.self) { try LightingInterlock(tripTemperature: 30, releaseTemperature: 32) }
    }
}
