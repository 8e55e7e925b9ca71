import SimKernel
import TwinModels
import Control
import Scenario

extension FacilityWorld {
    /// The signals the detectors watch in every room: what the controller sees, measured
    /// minus its setpoint, so that the day/night and stage changes the controller makes on
    /// purpose are not anomalies.
    static let detectionSignals = ["air_temperature_error", "relative_humidity_error", "co2_error"]
    /// Time after a lights switch in which the detectors take no sample, h.
    static let settlingHours = 2.0

    /// Starts sampling every room for the streaming detectors every `spec.sampleMinutes`, after
    /// the control step of the same time.
    ///
    /// Per room: measured air temperature − the phase's temperature setpoint (°C); measured RH −
    /// the RH at which the phase's VPD target holds at the measured temperature (%); with the
    /// lights on, measured CO₂ − the CO₂ setpoint (ppm; no sample in the dark, when no CO₂ is
    /// dosed). σ floors are about twice the controller's deadbands (0.5 °C for its 0.3 °C, 3 % RH,
    /// 50 ppm for its 25 ppm): the warm-up of a well-controlled room shows little more than sensor
    /// noise, and a σ that small would make every deviation the controller tolerates an alarm. For
    /// `settlingHours` after the lights switch (and with them the setpoints) no sample is taken:
    /// the room is moving to its new setpoint on purpose, which would otherwise raise two
    /// alarms a day in every room.
    func startDetection(_ spec: DetectionSpec) throws -> DetectionLog {
        let log = try DetectionLog(spec: spec, units: rooms.count, signals: Self.detectionSignals, floors: [0.5, 3, 50])
        let state = DetectionSamplerState(lights: rooms.map(\.lightsOn))
        let period = SimTime.minutes(spec.sampleMinutes)
        simulation.every(period, startingAt: period, priority: .low, label: "detection") { [unowned self] sim in
            let seconds = sim.now.inSeconds
            for (index, room) in rooms.enumerated() {
                let o = room.observation, s = room.setpoints
                if o.lightsOn != state.lights[index] {
                    state.lights[index] = o.lightsOn
                    state.settledAt[index] = seconds + Self.settlingHours * 3600
                }
                guard seconds >= state.settledAt[index] else { continue }
                // A missing reading (a dropout) is NaN, which the detectors skip.
                let temperature = o.airTemperature ?? .nan
                state.values[0] = temperature - (o.lightsOn ? s.dayTemperature : s.nightTemperature)
                let vpd = o.lightsOn ? s.dayVPD : s.nightVPD
                state.values[1] = (o.relativeHumidity ?? .nan)
                    - 100 * (1 - 1000 * vpd / AirProperties.saturationPressure(celsius: temperature))
                state.values[2] = o.lightsOn ? (o.co2 ?? .nan) - s.co2LightsOn : .nan
                log.add(unit: index, seconds: seconds, values: state.values)
            }
            return true
        }
        return log
    }

    /// Ground-truth episodes per room for scoring: device faults (`device_<device>`) and sensor
    /// faults (`sensor_<kind>`), as in `labels/device_faults` and `labels/sensor_faults`.
    func detectionEpisodes() throws -> [[FaultEpisode]] {
        var result = [[FaultEpisode]](repeating: [], count: rooms.count)
        let devices = RoomEquipment.Device.allCases
        for fault in deviceFaults {
            let name = devices.indices.contains(fault.device) ? devices[fault.device].name : "device"
            result[fault.room].append(try FaultEpisode(faultType: "device_\(name)", onset: fault.start * 3600,
                                                       end: fault.end * 3600))
        }
        for (index, room) in rooms.enumerated() {
            for sensor in [room.temperatureSensor, room.humiditySensor, room.co2Sensor] {
                for fault in sensor.faults {
                    result[index].append(try FaultEpisode(faultType: "sensor_\(fault.kind.rawValue)",
                                                          onset: fault.startSeconds,
                                                          end: fault.endSeconds ?? horizon.inSeconds))
                }
            }
        }
        return result
    }
}

/// What the detection sampler keeps between samples: each room's lights as last seen, when it
/// is settled after a switch, and the buffer of one sample's values.
///
/// A class rather than `var`s captured by the sampling closure: a captured variable lives in a
/// heap box whose every access is checked for exclusivity at run time. A run is single-threaded.
private final class DetectionSamplerState {
    @exclusivity(unchecked) var lights: [Bool]
    @exclusivity(unchecked) var settledAt: [Double]
    @exclusivity(unchecked) var values = [Double](repeating: .nan, count: FacilityWorld.detectionSignals.count)

    init(lights: [Bool]) {
        self.lights = lights
        settledAt = [Double](repeating: 0, count: lights.count)
    }
}
