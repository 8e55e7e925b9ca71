import Control
import Foundation
import SimKernel
import Testing
import TwinModels

@Suite("Baseline climate controller")
struct BaselineClimateControllerTests {
    /// One control step of a closed-loop run.
    struct Step {
        let seconds: Double
        let lightsOn: Bool
        let temperature: Double
        let vpd: Double
        let co2: Double
        let command: ClimateCommand
    }

    /// Lights on 06:00–18:00.
    static func lightsOn(_ t: Double) -> Bool {
        let hour = t.truncatingRemainder(dividingBy: 86_400) / 3600
        return hour >= 6 && hour < 18
    }

    /// The controller on `TestGrowRoom` for `days`, read through seeded preset sensors, a
    /// control step every minute and 10 s plant steps.
    static func closedLoop(days: Int, setpoints: ClimateSetpoints, seed: UInt64 = 1) throws
        -> (steps: [Step], controller: BaselineClimateController, temperatureDropouts: Int) {
        let streams = RandomStreams(masterSeed: seed)
        var tSensor = try Sensor(spec: .airTemperature, stream: streams.stream("room/temperature"))
        var rhSensor = try Sensor(spec: .relativeHumidity, stream: streams.stream("room/rh"))
        var co2Sensor = try Sensor(spec: .co2, stream: streams.stream("room/co2"))
        var room = TestGrowRoom()
        var controller = try BaselineClimateController()
        var steps: [Step] = []
        steps.reserveCapacity(days * 1440)
        var temperatureDropouts = 0
        for minute in 0..<(days * 1440) {
            let t = Double(minute) * 60
            let on = lightsOn(t)
            let observation = ClimateObservation(
                airTemperature: try tSensor.read(trueValue: room.temperature, atSeconds: t).value,
                relativeHumidity: try rhSensor.read(trueValue: room.relativeHumidity, atSeconds: t).value,
                co2: try co2Sensor.read(trueValue: room.co2, atSeconds: t).value,
                lightsOn: on)
            if observation.airTemperature == nil { temperatureDropouts += 1 }
            let command = controller.command(for: observation, setpoints: setpoints, dt: 60)
            steps.append(Step(seconds: t, lightsOn: on, temperature: room.temperature, vpd: room.vpd,
                              co2: room.co2, command: command))
            for _ in 0..<6 { room.step(command, lightsOn: on, dt: 10) }
        }
        return (steps, controller, temperatureDropouts)
    }

    /// Steps at least `settle` seconds after the start and after the last light switch.
    static func settled(_ steps: [Step], settle: Double) -> [Step] {
        steps.filter { step in
            let hour = step.seconds.truncatingRemainder(dividingBy: 86_400) / 3600
            let sinceSwitch = (hour >= 18 ? hour - 18 : hour >= 6 ? hour - 6 : hour + 6) * 3600
            return step.seconds >= settle && sinceSwitch >= settle
        }
    }

    @Test("holds air temperature within ±1 °C of the day/night setpoint after settling, heat and cool never together")
    func temperatureRegulation() throws {
        let setpoints = ClimateSetpoints.floweringEarly
        let (steps, controller, dropouts) = try Self.closedLoop(days: 4, setpoints: setpoints)
        let settled = Self.settled(steps, settle: 2 * 3600)
        #expect(settled.count > 3000)
        let worst = settled.map { abs($0.temperature - setpoints.temperature(lightsOn: $0.lightsOn)) }.max()!
        print("baseline on test room: worst settled |T − T_set| = \(worst) °C")
        #expect(worst <= 1)
        for step in steps {
            #expect(step.command.heating == 0 || step.command.cooling == 0)
            #expect(step.command.dehumidification == 0 || step.command.humidification == 0)
        }
        // Both regimes exercised: cooling under the lamps, heating on winter nights.
        #expect(steps.contains { $0.lightsOn && $0.command.cooling > 0.3 })
        #expect(steps.contains { !$0.lightsOn && $0.command.heating > 0.05 })
        // The preset sensor drops a few samples in four days; each is a held step.
        #expect(controller.missingTemperatureSteps == dropouts)
    }

    @Test("switches between day and night setpoints with the lights")
    func dayNightSwitch() throws {
        let setpoints = ClimateSetpoints.floweringEarly
        let (steps, _, _) = try Self.closedLoop(days: 3, setpoints: setpoints)
        // Means over the last four hours of the second day and night.
        let day = steps.filter { $0.seconds >= 86_400 + 14 * 3600 && $0.seconds < 86_400 + 18 * 3600 }
        let night = steps.filter { $0.seconds >= 2 * 86_400 + 2 * 3600 && $0.seconds < 2 * 86_400 + 6 * 3600 }
        let dayMean = day.map(\.temperature).reduce(0, +) / Double(day.count)
        let nightMean = night.map(\.temperature).reduce(0, +) / Double(night.count)
        #expect(abs(dayMean - setpoints.dayTemperature) < 0.5)
        #expect(abs(nightMean - setpoints.nightTemperature) < 0.5)
        #expect(day.allSatisfy(\.lightsOn) && night.allSatisfy { !$0.lightsOn })
    }

    @Test("tracks the VPD target by dehumidifying a humid room")
    func vpdRegulation() throws {
        let setpoints = ClimateSetpoints.floweringEarly
        let (steps, _, _) = try Self.closedLoop(days: 3, setpoints: setpoints)
        let settledDay = Self.settled(steps, settle: 3 * 3600).filter(\.lightsOn)
        let meanVPD = settledDay.map(\.vpd).reduce(0, +) / Double(settledDay.count)
        print("baseline on test room: settled day VPD mean = \(meanVPD) kPa (target \(setpoints.dayVPD))")
        // The sensor's ±1 % RH noise is ≈ 0.03 kPa of VPD; the deadband is 0.05 kPa.
        #expect(abs(meanVPD - setpoints.dayVPD) < 0.1)
        #expect(settledDay.contains { $0.command.dehumidification > 0 })
    }

    @Test("doses CO2 only with the lights on and holds the target then")
    func co2OnlyWithLights() throws {
        let setpoints = ClimateSetpoints.floweringEarly
        let (steps, _, _) = try Self.closedLoop(days: 3, setpoints: setpoints)
        for step in steps where !step.lightsOn {
            #expect(step.command.co2Injection == 0)
        }
        let settledDay = Self.settled(steps, settle: 2 * 3600).filter(\.lightsOn)
        let meanCO2 = settledDay.map(\.co2).reduce(0, +) / Double(settledDay.count)
        #expect(abs(meanCO2 - setpoints.co2LightsOn) < 50)
        // The valve closes only while the CO₂ reading drops out (the test room's sensor has dropouts).
        let dosing = settledDay.filter { $0.command.co2Injection > 0 }.count
        #expect(dosing >= settledDay.count * 95 / 100 && dosing < settledDay.count + 1)
    }

    @Test("never doses CO2 with the outdoor-air damper open beyond the limit")
    func co2NotWithOutdoorAir() throws {
        var controller = try BaselineClimateController(minimumOutdoorAir: 0.3, co2DosingMaxOutdoorAir: 0.1)
        let observation = ClimateObservation(airTemperature: 25, relativeHumidity: 60, co2: 400, lightsOn: true)
        for _ in 0..<30 {
            let command = controller.command(for: observation, setpoints: .floweringEarly, dt: 60)
            #expect(command.co2Injection == 0 && command.outdoorAir == 0.3)
        }
        var sealed = try BaselineClimateController()
        #expect(sealed.command(for: observation, setpoints: .floweringEarly, dt: 60).co2Injection > 0)
    }

    @Test("missing readings hold that loop's last output (CO₂: close the valve) and are counted")
    func holdsOnMissingReadings() throws {
        var controller = try BaselineClimateController()
        let setpoints = ClimateSetpoints.vegetative
        let full = ClimateObservation(airTemperature: 28, relativeHumidity: 80, co2: 900, lightsOn: true)
        var last = ClimateCommand.off
        for _ in 0..<10 { last = controller.command(for: full, setpoints: setpoints, dt: 60) }
        #expect(last.cooling > 0 && last.dehumidification > 0 && last.co2Injection > 0)

        let noTemperature = ClimateObservation(relativeHumidity: 80, co2: 900, lightsOn: true)
        for _ in 0..<5 {
            let c = controller.command(for: noTemperature, setpoints: setpoints, dt: 60)
            #expect(c.cooling == last.cooling && c.heating == last.heating)
            #expect(c.dehumidification == last.dehumidification && c.humidification == last.humidification)
            // CO₂ still has its reading, so its loop keeps integrating.
            #expect(c.co2Injection > last.co2Injection)
            last.co2Injection = c.co2Injection
        }
        #expect(controller.missingTemperatureSteps == 5 && controller.missingHumiditySteps == 5)

        let noCO2 = ClimateObservation(airTemperature: 28, relativeHumidity: 80, lightsOn: true)
        let held = controller.command(for: noCO2, setpoints: setpoints, dt: 60)
        // Except CO₂: blind dosing can only climb, so the valve closes; the loop keeps its state.
        #expect(held.co2Injection == 0)
        #expect(controller.missingCO2Steps == 1)
        let back = controller.command(for: full, setpoints: setpoints, dt: 60)
        #expect(back.co2Injection >= last.co2Injection, "dosing resumes where it was, not from zero")
        // Lights off overrides a missing reading: no dosing, and nothing counted as missing.
        let dark = controller.command(for: ClimateObservation(airTemperature: 24, lightsOn: false), setpoints: setpoints, dt: 60)
        #expect(dark.co2Injection == 0 && controller.missingCO2Steps == 1)
    }

    @Test("readings the psychrometric functions reject hold the humidity loops")
    func rejectedHumidity() throws {
        var controller = try BaselineClimateController()
        let setpoints = ClimateSetpoints.lettuce
        let before = controller.command(
            for: ClimateObservation(airTemperature: 22, relativeHumidity: 95, co2: 1000, lightsOn: true),
            setpoints: setpoints, dt: 60)
        #expect(before.dehumidification > 0)
        let after = controller.command(
            for: ClimateObservation(airTemperature: 22, relativeHumidity: 140, co2: 1000, lightsOn: true),
            setpoints: setpoints, dt: 60)
        #expect(after.dehumidification == before.dehumidification && after.humidification == 0)
        #expect(controller.humidityInputErrorSteps == 1)
        #expect(controller.lastInputError?.code == .outOfRange)
    }

    @Test("a very dry room is humidified, a slightly dry one is left alone")
    func humidifyOnlyWhenFarTooDry() throws {
        var controller = try BaselineClimateController()
        let setpoints = ClimateSetpoints.propagation // 0.7 kPa by day
        // 25 °C: e° ≈ 3.17 kPa. RH 74 % → VPD ≈ 0.82 kPa (inside the 0.3 kPa margin).
        let slightlyDry = controller.command(
            for: ClimateObservation(airTemperature: 25, relativeHumidity: 74, lightsOn: true), setpoints: setpoints, dt: 60)
        #expect(slightlyDry.humidification == 0 && slightlyDry.dehumidification == 0)
        // RH 40 % → VPD ≈ 1.9 kPa.
        let veryDry = controller.command(
            for: ClimateObservation(airTemperature: 25, relativeHumidity: 40, lightsOn: true), setpoints: setpoints, dt: 60)
        #expect(veryDry.humidification > 0 && veryDry.dehumidification == 0)
    }

    @Test("closed-loop runs are reproducible for a seed")
    func reproducible() throws {
        let a = try Self.closedLoop(days: 1, setpoints: .lettuce, seed: 5)
        let b = try Self.closedLoop(days: 1, setpoints: .lettuce, seed: 5)
        #expect(a.steps.map(\.command) == b.steps.map(\.command))
        #expect(a.controller == b.controller)
    }
}
