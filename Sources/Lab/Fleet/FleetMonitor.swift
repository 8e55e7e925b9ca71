import Foundation
import SimKernel
import TwinModels
import Control
import Scenario

/// Samples every machine of a fleet run every detection interval: feeds the streaming
/// detectors (frame temperature, vibration, power) and gathers what the energy-opportunity
/// analysis needs (`FleetMonitor+Opportunities`).
///
/// Only a running machine (ONLINE, not failed, loaded) is sampled; a machine coming back from
/// maintenance or repair restarts its detectors, warm-up included, because its normal level
/// has changed (new bearings vibrate less).
final class FleetMonitor {
    let log: DetectionLog
    let spec: DetectionSpec
    // A run is single-threaded: stored properties skip the dynamic exclusivity checks,
    // which cost more than the work they guard (docs/kernel.md).
    /// Per machine: samples taken, samples running, samples running above 75 °C frame temperature.
    @exclusivity(unchecked) var samples: [Int]
    @exclusivity(unchecked) var runningSamples: [Int]
    @exclusivity(unchecked) var hotSamples: [Int]
    /// Per machine: Σ shaft load while running (× rated), energy drawn, kWh.
    @exclusivity(unchecked) var loadSum: [Double]
    @exclusivity(unchecked) var energyKWh: [Double]
    /// Per machine: extra copper losses from running hot, kWh; insulation life that holding the
    /// frame at 75 °C would have saved, fraction of a life.
    @exclusivity(unchecked) var hotLossKWh: [Double]
    @exclusivity(unchecked) var avoidedLife: [Double]
    @exclusivity(unchecked) private var lastLife: [Double]
    @exclusivity(unchecked) private var wasRunning: [Bool]
    @exclusivity(unchecked) private var values = [Double](repeating: .nan, count: 3)

    /// The frame temperature above which a machine runs under thermal stress, °C (the
    /// documents' WARNING threshold).
    static let hotFrame = 75.0

    init(world: FleetWorld, spec: DetectionSpec) throws {
        self.spec = spec
        let n = world.ids.count
        // σ floors: 0.5 K of frame temperature, 0.1 mm/s (a tenth of the ISO 10816 zone steps), 1 kW.
        log = try DetectionLog(spec: spec, units: n, signals: ["temperature", "vibration", "power"], floors: [0.5, 0.1, 1])
        samples = Array(repeating: 0, count: n)
        runningSamples = samples
        hotSamples = samples
        loadSum = Array(repeating: 0, count: n)
        energyKWh = loadSum
        hotLossKWh = loadSum
        avoidedLife = loadSum
        lastLife = world.models.map(\.insulationLifeConsumed)
        wasRunning = Array(repeating: true, count: n)
    }

    /// Schedules the sampling on the world's kernel (after the machine step of the same time).
    func start(on world: FleetWorld) {
        let period = SimTime.minutes(spec.sampleMinutes)
        world.simulation.every(period, startingAt: period, priority: .low, label: "detection") { [unowned self, unowned world] sim in
            sample(world, seconds: sim.now.inSeconds)
            return true
        }
    }

    private func sample(_ world: FleetWorld, seconds: Double) {
        let hours = spec.sampleMinutes / 60
        for i in world.models.indices {
            let model = world.models[i]
            let load = world.conditions[i].load
            samples[i] += 1
            let life = model.insulationLifeConsumed
            let aged = life >= lastLife[i] ? life - lastLife[i] : life
            lastLife[i] = life
            let running = model.state.status == .online && model.state.failure == nil && load > 0
            defer { wasRunning[i] = running }
            guard running else { continue }
            if !wasRunning[i] { log.restart(unit: i) }
            let temperature = model.housingTemperature, power = model.power
            values[0] = temperature
            values[1] = model.vibration
            values[2] = power
            log.add(unit: i, seconds: seconds, values: values)
            runningSamples[i] += 1
            loadSum[i] += load
            energyKWh[i] += power * hours
            if temperature > Self.hotFrame {
                hotSamples[i] += 1
                let p = model.parameters
                // The winding runs ΔT/f hotter than at a 75 °C frame (frame rise = f × hot-spot rise).
                let windingExcess = (temperature - Self.hotFrame) / p.housingRiseFraction
                let copper = p.ratedLosses * (1 - p.noLoadLossFraction) * load * load
                hotLossKWh[i] += Self.copperCoefficient * windingExcess * copper * hours
                avoidedLife[i] += aged * (1 - pow(2, -windingExcess / 10))
            }
        }
    }

    /// Temperature coefficient of copper resistance at 20 °C, 1/K (IEC 60028: 0.00393).
    static let copperCoefficient = 0.00393
}
