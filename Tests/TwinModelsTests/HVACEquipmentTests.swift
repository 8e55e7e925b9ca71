import Testing
import TwinModels

@Suite("HVAC equipment")
struct HVACEquipmentTests {
    static func air(_ t: Double, rh: Double) -> AirState {
        AirState(temperature: t, vapourDensity: AirProperties.vapourDensity(
            pressure: rh / 100 * AirProperties.saturationPressure(celsius: t), celsius: t))
    }

    @Test("DX curves equal 1.000 at the AHRI rating point (19.4 °C wet bulb, 35 °C outdoor)")
    func curvesAtRating() {
        #expect(abs(BiquadraticCurve.dxCoolingCapacity(19.44, 35) - 1) < 0.002)
        #expect(abs(BiquadraticCurve.dxEnergyInputRatio(19.44, 35) - 1) < 0.002)
        // Hotter outdoors: less capacity, more power per watt of cooling.
        #expect(BiquadraticCurve.dxCoolingCapacity(19.44, 43) < BiquadraticCurve.dxCoolingCapacity(19.44, 35))
        #expect(BiquadraticCurve.dxEnergyInputRatio(19.44, 43) > BiquadraticCurve.dxEnergyInputRatio(19.44, 35))
    }

    @Test("cooling coil: humid air gets latent cooling, dry air only sensible; power = load / COP")
    func coilSplit() throws {
        let coil = try CoolingCoil(ratedCapacity: 30_000, ratedCOP: 3.5)
        let humid = coil.output(command: 1, air: Self.air(26, rh: 70), outdoor: 35)
        let dry = coil.output(command: 1, air: Self.air(26, rh: 25), outdoor: 35)
        let fan = coil.fanPowerPerFlow * coil.ratedAirflow
        #expect(abs(fan - 30 * 0.0537 * 773.3) < 1e-9)
        #expect(humid.water < 0 && humid.sensibleHeat < 0)
        #expect(dry.water == 0 && dry.sensibleHeat < 0)
        let humidTotal = fan - humid.sensibleHeat - humid.latentHeat
        #expect(humidTotal <= 30_000 * BiquadraticCurve.dxCoolingCapacity(26, 35) + 1e-6)
        let shr = (fan - humid.sensibleHeat) / humidTotal
        #expect(shr > 0.4 && shr < 0.95)
        let wetBulb = CoolingCoil.stullWetBulb(temperature: 26, relativeHumidity: 70)
        #expect(abs(humid.electricPower - fan - humidTotal / 3.5 * BiquadraticCurve.dxEnergyInputRatio(wetBulb, 35)) < 1e-6)
        // Off or failed: only the fan runs, and its power heats the room.
        #expect(coil.output(command: 0, air: Self.air(26, rh: 70), outdoor: 35)
                == DeviceOutput(sensibleHeat: fan, electricPower: fan))
        var failed = coil
        failed.availability = 0
        #expect(failed.output(command: 1, air: Self.air(26, rh: 70), outdoor: 35).electricPower == fan)
    }

    @Test("Stull wet bulb: 20 °C, 50 % → 13.7 °C (Stull 2011 example)")
    func stull() {
        #expect(abs(CoolingCoil.stullWetBulb(temperature: 20, relativeHumidity: 50) - 13.7) < 0.05)
    }

    @Test("dehumidifier: rated L/day at AHAM 26.7 °C/60 %, rejects P + λ·ṁ as sensible heat")
    func dehumidifier() throws {
        let unit = try Dehumidifier(ratedRemoval: 500, efficiency: 2.5)
        let out = unit.output(command: 1, air: Self.air(26.7, rh: 60))
        #expect(abs(-out.water * 86_400 - 500) < 1e-6)
        #expect(abs(out.electricPower - 500.0 / 24 / 2.5 * 1000) < 1e-9)
        #expect(abs(out.sensibleHeat - (out.electricPower - out.latentHeat)) < 1e-9)
        // Drier air: less water for the same power.
        #expect(unit.output(command: 1, air: Self.air(26.7, rh: 40)).water > out.water)
    }

    @Test("steam humidifier adds latent heat only; adiabatic one cools the air by λ·ṁ")
    func humidifier() throws {
        let steam = try Humidifier(kind: .steam, ratedOutput: 10).output(command: 1)
        let adiabatic = try Humidifier(kind: .adiabatic, ratedOutput: 10).output(command: 1)
        #expect(abs(steam.water - 10.0 / 3600) < 1e-15)
        #expect(steam.sensibleHeat >= 0 && steam.sensibleHeat < 0.06 * steam.latentHeat)
        #expect(adiabatic.sensibleHeat < -0.9 * adiabatic.latentHeat)
    }

    @Test("fans and dampers follow the cube law; heaters and injectors are linear and capacity-limited")
    func simpleDevices() throws {
        let fan = try Fan(ratedPower: 800)
        #expect(abs(fan.output(command: 0.5).electricPower - 100) < 1e-12)
        let damper = try OutdoorAirDamper(ratedFlow: 2)
        #expect(damper.output(command: 0.25).outdoorAirFlow == 0.5)
        let heater = try Heater(ratedOutput: 10_000, coefficientOfPerformance: 3)
        #expect(abs(heater.output(command: 1.4).electricPower - 10_000.0 / 3) < 1e-9)
        let injector = try CO2Injector(ratedFlow: 0.36)
        #expect(abs(injector.output(command: 1).co2 - 1e-4) < 1e-18)
        #expect(injector.output(command: 1, supplyLimit: 2e-5).co2 == 2e-5)
        #expect(throws: ModelInputError.self) { try Heater(ratedOutput: -1) }
    }
}
