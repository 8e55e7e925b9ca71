import Control
import Testing
import TwinModels

@Suite("Climate setpoints")
struct ClimateSetpointsTests {
    static let presets: [ClimateSetpoints] = [.propagation, .vegetative, .floweringEarly, .floweringLate, .lettuce]

    @Test("stage presets are valid, warmer by day, with night VPD targets no higher than day ones")
    func presets() throws {
        for preset in Self.presets {
            try preset.validate()
            #expect(preset.dayTemperature > preset.nightTemperature)
            #expect(preset.nightVPD <= preset.dayVPD)
        }
        // VPD targets rise through the cannabis stages.
        #expect(ClimateSetpoints.propagation.dayVPD < ClimateSetpoints.vegetative.dayVPD)
        #expect(ClimateSetpoints.vegetative.dayVPD < ClimateSetpoints.floweringEarly.dayVPD)
        #expect(ClimateSetpoints.floweringEarly.dayVPD < ClimateSetpoints.floweringLate.dayVPD)
    }

    @Test("the light state selects the day or night values")
    func dayNight() {
        let s = ClimateSetpoints.floweringEarly
        #expect(s.temperature(lightsOn: true) == 25 && s.temperature(lightsOn: false) == 20)
        #expect(s.vpd(lightsOn: true) == 1.2 && s.vpd(lightsOn: false) == 1.0)
    }

    @Test("out-of-range values throw ModelInputError")
    func validation() {
        var s = ClimateSetpoints.vegetative
        s.dayVPD = 5
        #expect(throws: ModelInputError.self) { try s.validate() }
        s = .vegetative
        s.co2LightsOn = .nan
        #expect(throws: ModelInputError.self) { try s.validate() }
        s = .vegetative
        s.temperatureDeadband = -0.1
        #expect(throws: ModelInputError.self) { try s.validate() }
    }
}
