import Testing
@testable import TwinModels

/// First-order drying: monotone toward the equilibrium moisture, faster when warm and dry,
/// and at 60 °F / 60 % RH within the industry's 7–14 days.
@Suite("Drying kinetics")
struct DryingKineticsTests {
    let kinetics = DryingKinetics()

    @Test("moisture falls monotonically toward EMC and never passes it; from below it rises to it")
    func monotoneTowardEquilibrium() throws {
        let equilibrium = try kinetics.isotherm.equilibriumMoisture(temperature: 15.6, relativeHumidity: 60)
        var x = try MoistureIsotherm.dryBasis(wetBasisPercent: 78)
        for _ in 0..<(30 * 24) {
            let next = try kinetics.step(moisture: x, temperature: 15.6, relativeHumidity: 60, hours: 1)
            #expect(next < x && next > equilibrium)
            x = next
        }
        #expect(abs(x - equilibrium) < 1e-3)
        var y = 0.05
        for _ in 0..<100 {
            let next = try kinetics.step(moisture: y, temperature: 15.6, relativeHumidity: 60, hours: 1)
            #expect(next > y && next < equilibrium)
            y = next
        }
    }

    @Test("one long step equals many short ones at constant conditions (exact exponential)")
    func stepInvariance() throws {
        var x = 3.5
        for _ in 0..<48 { x = try kinetics.step(moisture: x, temperature: 20, relativeHumidity: 55, hours: 0.5) }
        #expect(abs(x - (try kinetics.step(moisture: 3.5, temperature: 20, relativeHumidity: 55, hours: 24))) < 1e-12)
    }

    @Test("from 78 % at 60 °F / 60 % RH the flower reaches 12 % in 7–14 days")
    func sixtySixtyDuration() throws {
        var x = try MoistureIsotherm.dryBasis(wetBasisPercent: 78)
        var hours = 0
        while MoistureIsotherm.wetBasisPercent(dryBasis: x) > 12 {
            x = try kinetics.step(moisture: x, temperature: 15.6, relativeHumidity: 60, hours: 1)
            hours += 1
        }
        #expect(hours >= 7 * 24 && hours <= 14 * 24)
    }

    @Test("the rate rises with temperature and falls with humidity")
    func rateDependence() throws {
        #expect(try kinetics.rateConstant(temperature: 25, relativeHumidity: 60) > kinetics.rateConstant(temperature: 15, relativeHumidity: 60))
        #expect(try kinetics.rateConstant(temperature: 18, relativeHumidity: 70) < kinetics.rateConstant(temperature: 18, relativeHumidity: 50))
        #expect(abs(try kinetics.rateConstant(temperature: 15.6, relativeHumidity: 60) - 0.022) < 1e-12)
        #expect(throws: ModelInputError.self) { try kinetics.step(moisture: -1, temperature: 18, relativeHumidity: 60, hours: 1) }
    }
}
