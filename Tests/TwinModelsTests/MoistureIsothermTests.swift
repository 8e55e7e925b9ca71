import Testing
@testable import TwinModels

/// The modified Henderson isotherm reproduces the industry's 60/60 drying targets and inverts cleanly.
@Suite("Moisture isotherm")
struct MoistureIsothermTests {
    let isotherm = MoistureIsotherm()

    @Test("60 °F / 55–65 % RH gives 10–12 % moisture (ASTM D8197 a_w 0.55–0.65 practice)")
    func industryTargets() throws {
        let at60 = MoistureIsotherm.wetBasisPercent(dryBasis: try isotherm.equilibriumMoisture(temperature: 15.6, relativeHumidity: 60))
        let at55 = MoistureIsotherm.wetBasisPercent(dryBasis: try isotherm.equilibriumMoisture(temperature: 15.6, relativeHumidity: 55))
        let at65 = MoistureIsotherm.wetBasisPercent(dryBasis: try isotherm.equilibriumMoisture(temperature: 15.6, relativeHumidity: 65))
        #expect(abs(at60 - 11.1) < 0.1)
        #expect(at55 > 9.8 && at55 < 10.8)
        #expect(at65 > 11.6 && at65 < 12.6)
    }

    @Test("equilibrium moisture rises with humidity and falls with temperature")
    func monotone() throws {
        var last = 0.0
        for rh in stride(from: 10.0, through: 95, by: 5) {
            let x = try isotherm.equilibriumMoisture(temperature: 18, relativeHumidity: rh)
            #expect(x > last)
            last = x
        }
        #expect(try isotherm.equilibriumMoisture(temperature: 25, relativeHumidity: 60)
                < isotherm.equilibriumMoisture(temperature: 15, relativeHumidity: 60))
    }

    @Test("water activity inverts the isotherm", arguments: [20.0, 45, 60, 75, 90])
    func inverse(_ rh: Double) throws {
        let x = try isotherm.equilibriumMoisture(temperature: 20, relativeHumidity: rh)
        #expect(abs(try isotherm.waterActivity(moisture: x, temperature: 20) - rh / 100) < 1e-12)
    }

    @Test("wet and dry basis convert both ways; bad inputs throw")
    func conversionsAndErrors() throws {
        #expect(abs(MoistureIsotherm.wetBasisPercent(dryBasis: try MoistureIsotherm.dryBasis(wetBasisPercent: 78)) - 78) < 1e-12)
        #expect(throws: ModelInputError.self) { try isotherm.equilibriumMoisture(temperature: 20, relativeHumidity: 100) }
        #expect(throws: ModelInputError.self) { try isotherm.waterActivity(moisture: .nan, temperature: 20) }
    }
}
