import TwinModels

/// The reference climate policy every other policy is compared with: PI loops with sensible
/// limits, day/night setpoints, VPD-targeting humidity control and CO₂ dosing only with the
/// lights on.
///
/// This is the grow-room counterpart of the embedded baseline controller of BOPTEST
/// (Blum et al. 2021; docs/model-reference.md §BOPTEST core KPIs, §Baseline controller): simple,
/// documented, the kind of logic a commercial climate computer runs, so that KPIs of a smarter
/// policy can be reported relative to it.
///
/// Loops (all errors are shaped by a symmetric deadband: zero inside ±db, reduced by db
/// outside, so the loop rests near the setpoint instead of hunting):
/// - Temperature: one split-range PI on e = T_set − T (output −1…1). Positive output is
///   heating, negative is cooling, so heating and cooling can never be on together. T_set is
///   the day or night setpoint according to `lightsOn`; the integral carries over the switch.
/// - Humidity: the measured VPD (air VPD, or leaf VPD with the setpoints' leaf offset, from
///   `Psychrometrics`) is compared with the target. A dehumidifier PI (0…1) acts on
///   target − VPD (the room is too humid when its VPD is low); a humidifier PI (0…1) acts on
///   VPD − (target + humidifyMargin), so it only starts when the room is well too dry. The
///   humidifier is held off (and reset) while the dehumidifier still runs, so they are never
///   on together.
/// - CO₂: a PI (0…1) on target − CO₂ with the lights on; with the lights off, or with the
///   outdoor-air damper open beyond `co2DosingMaxOutdoorAir`, injection is 0 and the loop is
///   reset (no photosynthesis to feed, or the gas would be vented).
/// - Outdoor air: held at `minimumOutdoorAir` (sealed rooms use 0).
///
/// Missing readings (nil or non-finite): the temperature and humidity loops hold their
/// previous output and do not integrate; the CO₂ valve closes (blind dosing can only climb);
/// each occurrence is counted. The humidity loop needs both temperature
/// and RH; the CO₂ loop counts a missing CO₂ reading only while it is allowed to dose. A
/// measurement the psychrometric functions reject (`ModelInputError`, e.g. a temperature
/// outside their range) is handled the same way and kept in `lastInputError`.
///
/// Inputs: a `ClimateObservation`, `ClimateSetpoints` (validate them once with
/// `ClimateSetpoints.validate()`), and dt, s, the time since the previous call (> 0).
/// Output: a `ClimateCommand` of fractions 0…1. No allocation per call.
public struct BaselineClimateController: Sendable, Equatable {
    /// Temperature loop, output −1 (full cooling) … 1 (full heating), per °C of error.
    public private(set) var temperatureLoop: PIController
    /// Dehumidifier loop, output 0…1, per kPa of VPD below target.
    public private(set) var dehumidifierLoop: PIController
    /// Humidifier loop, output 0…1, per kPa of VPD above target + margin.
    public private(set) var humidifierLoop: PIController
    /// CO₂ loop, output 0…1, per ppm below target.
    public private(set) var co2Loop: PIController
    /// Outdoor-air damper position commanded at every step, 0…1.
    public let minimumOutdoorAir: Double
    /// Damper opening above which CO₂ is never dosed, 0…1.
    public let co2DosingMaxOutdoorAir: Double

    /// The command returned by the last call (every device off before the first).
    public private(set) var lastCommand = ClimateCommand.off
    /// Steps on which the temperature was missing and the temperature loop held.
    public private(set) var missingTemperatureSteps = 0
    /// Steps on which temperature or RH was missing and the humidity loops held.
    public private(set) var missingHumiditySteps = 0
    /// Steps on which CO₂ was missing while dosing was allowed and the CO₂ loop held.
    public private(set) var missingCO2Steps = 0
    /// Steps on which the psychrometric functions rejected the measurements.
    public private(set) var humidityInputErrorSteps = 0
    /// The most recent rejection by the psychrometric functions.
    public private(set) var lastInputError: ModelInputError?

    /// Default temperature loop: kp = 0.25 per °C (full output at 4 °C error), Ti = 15 min.
    public static let defaultTemperatureLoop = try! PIController(kp: 0.25, ki: 0.25 / 900, outputMin: -1, outputMax: 1)
    /// Default dehumidifier loop: kp = 2 per kPa (full output 0.5 kPa too humid), Ti = 15 min.
    public static let defaultDehumidifierLoop = try! PIController(kp: 2, ki: 2.0 / 900)
    /// Default humidifier loop: kp = 2 per kPa, Ti = 15 min.
    public static let defaultHumidifierLoop = try! PIController(kp: 2, ki: 2.0 / 900)
    /// Default CO₂ loop: kp = 1/400 per ppm (full valve 400 ppm short), Ti = 10 min.
    public static let defaultCO2Loop = try! PIController(kp: 1.0 / 400, ki: 1.0 / 400 / 600)

    /// A controller with the given loops (defaults tuned for a room whose time constant under
    /// full cooling is tens of minutes, controlled every 1–5 min).
    ///
    /// - Parameters:
    ///   - temperatureLoop: split-range loop; its limits should be −1…1.
    ///   - dehumidifierLoop, humidifierLoop, co2Loop: loops with limits within 0…1.
    ///   - minimumOutdoorAir: damper position, 0…1 (default 0, a sealed room).
    ///   - co2DosingMaxOutdoorAir: damper position above which CO₂ is not dosed, 0…1 (default 0.1).
    /// - Throws: `ModelInputError` for a damper fraction outside 0…1.
    public init(
        temperatureLoop: PIController = defaultTemperatureLoop,
        dehumidifierLoop: PIController = defaultDehumidifierLoop,
        humidifierLoop: PIController = defaultHumidifierLoop,
        co2Loop: PIController = defaultCO2Loop,
        minimumOutdoorAir: Double = 0,
        co2DosingMaxOutdoorAir: Double = 0.1
    ) throws(ModelInputError) {
        self.temperatureLoop = temperatureLoop
        self.dehumidifierLoop = dehumidifierLoop
        self.humidifierLoop = humidifierLoop
        self.co2Loop = co2Loop
        self.minimumOutdoorAir = try ModelInputError.check(minimumOutdoorAir, "minimum outdoor air", unit: "1", in: 0...1)
        self.co2DosingMaxOutdoorAir = try ModelInputError.check(
            co2DosingMaxOutdoorAir, "CO2 dosing outdoor-air limit", unit: "1", in: 0...1)
        lastCommand.outdoorAir = self.minimumOutdoorAir
    }

    /// The command for this step.
    ///
    /// - Parameters:
    ///   - observation: the measurements (possibly missing) and the light state.
    ///   - setpoints: the stage's setpoints.
    ///   - dt: time since the previous call, s, > 0.
    /// - Returns: the actuator fractions, each 0…1.
    public mutating func command(
        for observation: ClimateObservation, setpoints: ClimateSetpoints, dt: Double
    ) -> ClimateCommand {
        var command = lastCommand
        command.outdoorAir = minimumOutdoorAir
        let lightsOn = observation.lightsOn
        let temperature = observation.airTemperature.flatMap { $0.isFinite ? $0 : nil }

        if let temperature {
            let error = Self.deadZone(setpoints.temperature(lightsOn: lightsOn) - temperature, setpoints.temperatureDeadband)
            let u = temperatureLoop.update(error: error, dt: dt)
            command.heating = Swift.max(u, 0)
            command.cooling = Swift.max(-u, 0)
        } else {
            missingTemperatureSteps += 1
        }

        if let temperature, let rh = observation.relativeHumidity, rh.isFinite {
            updateHumidity(&command, temperature: temperature, relativeHumidity: rh, setpoints: setpoints, lightsOn: lightsOn, dt: dt)
        } else {
            missingHumiditySteps += 1
        }

        if !lightsOn || command.outdoorAir > co2DosingMaxOutdoorAir {
            co2Loop.reset()
            command.co2Injection = 0
        } else if let co2 = observation.co2, co2.isFinite {
            let error = Self.deadZone(setpoints.co2LightsOn - co2, setpoints.co2Deadband)
            command.co2Injection = co2Loop.update(error: error, dt: dt)
        } else {
            // Unlike the other loops, dosing does not hold its last command through a dropout:
            // CO₂ injected blind can only climb, so the valve closes until the reading is back
            // (the loop keeps its state, so a short gap costs no re-tuning).
            missingCO2Steps += 1
            command.co2Injection = 0
        }

        lastCommand = command
        return command
    }

    /// Clears the loops, the last command and the counters.
    public mutating func reset() {
        temperatureLoop.reset()
        dehumidifierLoop.reset()
        humidifierLoop.reset()
        co2Loop.reset()
        lastCommand = ClimateCommand(outdoorAir: minimumOutdoorAir)
        missingTemperatureSteps = 0
        missingHumiditySteps = 0
        missingCO2Steps = 0
        humidityInputErrorSteps = 0
        lastInputError = nil
    }

    private mutating func updateHumidity(
        _ command: inout ClimateCommand, temperature: Double, relativeHumidity rh: Double,
        setpoints: ClimateSetpoints, lightsOn: Bool, dt: Double
    ) {
        let vpd: Double
        do throws(ModelInputError) {
            if setpoints.leafTemperatureOffset == 0 {
                vpd = try Psychrometrics.vapourPressureDeficit(temperature: temperature, relativeHumidity: rh)
            } else {
                vpd = try Psychrometrics.leafVapourPressureDeficit(
                    leafTemperature: temperature + setpoints.leafTemperatureOffset,
                    airTemperature: temperature, relativeHumidity: rh)
            }
        } catch {
            humidityInputErrorSteps += 1
            lastInputError = error
            return
        }
        let target = setpoints.vpd(lightsOn: lightsOn)
        command.dehumidification = dehumidifierLoop.update(
            error: Self.deadZone(target - vpd, setpoints.vpdDeadband), dt: dt)
        if command.dehumidification > 0 {
            humidifierLoop.reset()
            command.humidification = 0
        } else {
            let error = Self.deadZone(vpd - (target + setpoints.humidifyMargin), setpoints.vpdDeadband)
            command.humidification = humidifierLoop.update(error: error, dt: dt)
        }
    }

    /// The error with a dead zone of half-width `band`: 0 inside, shifted towards 0 outside.
    @inline(__always) static func deadZone(_ error: Double, _ band: Double) -> Double {
        if error > band { return error - band }
        if error < -band { return error + band }
        return 0
    }
}
