import Testing
import TwinModels

@Suite("Lighting fixture power and heat (R2)")
struct LightingFixtureTests {
    @Test("900 µmol m⁻² s⁻¹ at 2.7 µmol/J draws 333.33 W m⁻², 4.000 kWh m⁻² in 12 h")
    func flowerRoomPower() throws {
        let fixture = try LightingFixture(lampType: .led, efficacy: 2.7, maximumPPFD: 1000)
        let p = try fixture.electricPower(ppfd: 900)
        #expect(abs(p - 333.33) < 0.005)
        #expect(abs(p - 1000.0 / 3) < 1e-9)
        #expect(abs(p * 12 / 1000 - 4.000) < 1e-12)
        #expect(abs(try LightUnits.dailyElectricEnergy(ppfd: 900, efficacy: 2.7, hours: 12) - 4.000) < 1e-12)
    }

    @Test("the lighting quick table", arguments: [
        // PPFD, PPE, hours, W m⁻², DLI, kWh m⁻² d⁻¹ (as printed)
        (600.0, 2.7, 18.0, 222.2, 38.88, 4.000),
        (900.0, 2.7, 12.0, 333.3, 38.88, 4.000),
        (1000.0, 2.8, 12.0, 357.1, 43.20, 4.286),
        (250.0, 3.0, 16.0, 83.3, 14.40, 1.333),
    ])
    func quickTable(_ row: (Double, Double, Double, Double, Double, Double)) throws {
        let (ppfd, ppe, hours, watts, dli, kwh) = row
        let fixture = try LightingFixture(lampType: .led, efficacy: ppe, maximumPPFD: 2000)
        #expect(abs(try fixture.electricPower(ppfd: ppfd) - watts) < 0.05)
        #expect(abs(try LightUnits.dailyLightIntegral(ppfd: ppfd, hours: hours) - dli) < 1e-9)
        #expect(abs(try LightUnits.dailyElectricEnergy(ppfd: ppfd, efficacy: ppe, hours: hours) - kwh) < 0.0005)
    }

    @Test("LED uses 0.600 of HPS lighting energy for the same photon delivery (Katzin 2021)")
    func ledHpsRatio() throws {
        let led = try LightingFixture(lampType: .led, maximumPPFD: 200)
        let hps = try LightingFixture(lampType: .hps, maximumPPFD: 200)
        #expect(led.efficacy == 3.0 && hps.efficacy == 1.8)
        // Same on/off pattern for both: 18 h at full output, then a dimmed evening hour, every day for 350 days.
        var eLED = 0.0, eHPS = 0.0
        for day in 0..<350 {
            let dim = Double(day % 7) / 7
            for (ppfd, hours) in [(200.0, 18.0), (try led.ppfd(dimming: dim), 1.0)] {
                eLED += try led.electricPower(ppfd: ppfd) * hours
                eHPS += try hps.electricPower(ppfd: ppfd) * hours
            }
        }
        #expect(abs(eLED / eHPS - 0.600) < 0.001)
        #expect(abs(eLED / eHPS - 1.8 / 3.0) < 1e-12)
        // θ_lamp,max of GreenLight: electric input for 200 µmol m⁻² s⁻¹.
        #expect(abs(led.maximumElectricPower - 66.667) < 0.001)
        #expect(abs(hps.maximumElectricPower - 111.111) < 0.001)
    }

    @Test("PAR and NIR fractions follow GreenLight: η_PAR = PPE/ζ")
    func fractions() throws {
        let led = try LightingFixture(lampType: .led, maximumPPFD: 200)
        let hps = try LightingFixture(lampType: .hps, maximumPPFD: 200)
        #expect(abs(led.parFraction - 3 / 5.41) < 1e-15)
        #expect(abs(led.parFraction - 0.555) < 0.001)
        #expect(abs(hps.parFraction - 0.367) < 0.001)
        #expect(led.nirFraction == 0.02 && hps.nirFraction == 0.22)
        for f in [led, hps] {
            #expect(f.convectiveFraction > 0 && f.longwaveFraction > 0)
            #expect(abs(f.parFraction + f.nirFraction + f.convectiveFraction + f.longwaveFraction - 1) < 1e-15)
        }
        // LED fixtures shed most of their heat by convection, hot HPS bulbs mostly by radiation.
        #expect(led.convectiveFraction > led.longwaveFraction)
        #expect(hps.longwaveFraction > hps.convectiveFraction)
    }

    @Test("heat split adds up to the electric power", arguments: LampType.allCases)
    func heatConservation(_ type: LampType) throws {
        let fixture = try LightingFixture(lampType: type, efficacy: type == .led ? 2.7 : 1.7, maximumPPFD: 1500)
        for ppfd in [0.0, 1, 200, 900, 1500] {
            let p = try fixture.electricPower(ppfd: ppfd)
            let split = fixture.heat(electricPower: p)
            #expect(abs(split.total - p) <= 1e-12 * max(1, p))
            #expect(abs(split.radiant + split.convective - p) <= 1e-12 * max(1, p))
            #expect(abs(split.par - p * fixture.parFraction) <= 1e-12 * max(1, p))
        }
    }

    @Test("PAR watts of the fixture carry the PPFD back with ζ")
    func parRoundTrip() throws {
        let fixture = try LightingFixture(lampType: .led, efficacy: 2.8, maximumPPFD: 1200)
        let split = fixture.heat(electricPower: try fixture.electricPower(ppfd: 1000))
        #expect(abs(try LightUnits.ppfd(parIrradiance: split.par, photonsPerJoule: LampType.led.photonsPerJoulePAR) - 1000) < 1e-9)
    }

    @Test("bad inputs throw typed errors")
    func validation() {
        #expect(throws: ModelInputError.self) { try LightingFixture(lampType: .led, efficacy: 0.4, maximumPPFD: 900) }
        #expect(throws: ModelInputError.self) { try LightingFixture(lampType: .led, efficacy: 4.6, maximumPPFD: 900) }
        #expect(throws: ModelInputError.self) { try LightingFixture(lampType: .led, maximumPPFD: 2600) }
        #expect(throws: ModelInputError.self) { try LightingFixture(lampType: .led, maximumPPFD: .nan) }
        do {
            _ = try LightingFixture(lampType: .hps, efficacy: 4.0, maximumPPFD: 900)
            Issue.record("an HPS efficacy above ζ(1 − η_NIR) must be rejected")
        } catch {
            #expect(error.code == .inconsistent)
        }
        let f = try? LightingFixture(lampType: .led, maximumPPFD: 900)
        #expect(throws: ModelInputError.self) { try f?.electricPower(ppfd: 901) }
        #expect(throws: ModelInputError.self) { try f?.electricPower(ppfd: -1) }
        #expect(throws: ModelInputError.self) { try f?.ppfd(dimming: 1.01) }
        #expect((try? f?.ppfd(dimming: 0.5)) == 450)
    }
}
