import Testing
@testable import TwinModels

/// Curing: slow equilibration with the room, faster with more burping; no burping, no change.
@Suite("Curing model")
struct CuringModelTests {
    @Test("a sealed, never-burped jar keeps its moisture; burping moves it toward the room's EMC")
    func equilibration() throws {
        let sealed = CuringModel(burpsPerDay: 0)
        #expect(try sealed.step(moisture: 0.15, temperature: 18, relativeHumidity: 62, hours: 336) == 0.15)
        let once = CuringModel(burpsPerDay: 1), twice = CuringModel(burpsPerDay: 2)
        let equilibrium = try once.isotherm.equilibriumMoisture(temperature: 18, relativeHumidity: 62)
        let a = try once.step(moisture: 0.16, temperature: 18, relativeHumidity: 62, hours: 336)
        let b = try twice.step(moisture: 0.16, temperature: 18, relativeHumidity: 62, hours: 336)
        #expect(a < 0.16 && a > equilibrium)
        #expect(b < a && b > equilibrium)
        // One burp a day removes 1 − e^(−0.004·336) ≈ 74 % of the excess in two weeks.
        #expect(abs((0.16 - a) / (0.16 - equilibrium) - 0.739) < 0.002)
    }

    @Test("headspace water activity is the flower's and rises with its moisture")
    func headspace() throws {
        let model = CuringModel()
        #expect(try model.headspaceWaterActivity(moisture: 0.16, temperature: 18) > model.headspaceWaterActivity(moisture: 0.12, temperature: 18))
        #expect(throws: ModelInputError.self) { try CuringModel(burpsPerDay: 30).step(moisture: 0.1, temperature: 18, relativeHumidity: 60, hours: 1) }
    }
}
