import TwinModels
import Scenario
import Control

extension FleetMonitor {
    /// Opportunity kinds in `opportunities/machines` (the `kinds` attribute).
    static let opportunityKinds = ["thermal_stress", "oversizing"]

    /// The machines' energy-saving opportunities, found in the run's own samples, priced with
    /// the fleet's `energy_price_per_kwh` and `downtime_cost_per_hour`, and scaled to a year
    /// (× 8,760 h / horizon). Energies are Σ power × sampling interval over running samples.
    ///
    /// - Thermal stress (the documents' rule: frame above 75 °C for more than 30 % of the run):
    ///   the copper losses the hotter winding adds (resistance +0.393 %/K, IEC 60028) plus the
    ///   insulation life that a 75 °C frame would have saved (ageing halves per 10 K, Montsinger's
    ///   rule, as in the insulation model), priced as avoided failures × mean repair time ×
    ///   downtime cost. Measure: fraction of the run above 75 °C.
    /// - Oversizing (mean shaft load while running below 40 % of rated): a motor rated at
    ///   load / 0.75 would run near 75 % load, where efficiency peaks (U.S. DOE, *Determining
    ///   Electric Motor Load and Efficiency*, 1997); its losses scale with its rating, so the
    ///   saving is (losses now − right-sized losses) / input power × the machine's energy.
    ///   Measure: mean load while running.
    /// - Peak shifting needs a time-of-use tariff, which a fleet scenario has not: not computed.
    func opportunities(world: FleetWorld) -> [(machine: Int, kind: Int, measure: Double, annualSaving: Double)] {
        let scale = 8760 / max(world.horizon.inHours, 1e-9)
        let price = world.spec.energyPricePerKWh
        let failureCost = world.meanRepairHours * world.spec.downtimeCostPerHour
        var found: [(Int, Int, Double, Double)] = []
        for i in world.models.indices where samples[i] > 0 {
            let p = world.models[i].parameters
            let hotShare = Double(hotSamples[i]) / Double(samples[i])
            if hotShare > 0.3 {
                found.append((i, 0, hotShare, (hotLossKWh[i] * price + avoidedLife[i] * failureCost) * scale))
            }
            guard runningSamples[i] > 0 else { continue }
            let load = loadSum[i] / Double(runningSamples[i])
            if load < 0.4, load > 0 {
                let now = p.losses(atLoad: load)
                let rightSized = p.ratedLosses * (load / 0.75) * (p.noLoadLossFraction + (1 - p.noLoadLossFraction) * 0.5625)
                let fraction = max(0, now - rightSized) / (load * p.ratedPower + now)
                found.append((i, 1, load, energyKWh[i] * fraction * price * scale))
            }
        }
        return found
    }

    /// The opportunities as `opportunities/machines` and the KPIs `opportunity_thermal_stress`
    /// and `opportunity_oversizing` (currency/year).
    func opportunityResults(world: FleetWorld) -> (table: ResultTable, kpis: [RunKPI]) {
        let found = opportunities(world: world)
        let table = ResultTable(
            group: "opportunities", name: "machines", columns: ["machine", "kind", "measure", "annual_saving"],
            units: ["index", "code", "", "currency/year"],
            values: found.flatMap { [Double($0.machine), Double($0.kind), $0.measure, $0.annualSaving] },
            names: [("machines", world.ids), ("kinds", Self.opportunityKinds),
                    ("measures", ["fraction of the run above 75 degC", "mean load while running"]),
                    ("peak_shifting", ["not computed: a fleet scenario has no time-of-use tariff"])])
        let kpis = Self.opportunityKinds.enumerated().map { kind, name in
            RunKPI(name: "opportunity_\(name)", value: found.filter { $0.kind == kind }.reduce(0) { $0 + $1.annualSaving },
                   unit: "currency/year")
        }
        return (table, kpis)
    }

    /// Ground-truth episodes per machine from `labels/machine_faults` rows (onset to end).
    func episodes(world: FleetWorld) throws -> [[FaultEpisode]] {
        var result = [[FaultEpisode]](repeating: [], count: world.ids.count)
        let rows = world.ledger.faultRows
        let modes = FailureMode.allCases.map(\.rawValue)
        var r = 0
        while r + 6 <= rows.count {
            let machine = Int(rows[r]), mode = Int(rows[r + 1])
            // A fault without a recorded onset starts at its failure.
            let onset = (rows[r + 2].isFinite ? rows[r + 2] : rows[r + 3]) * 3600, end = rows[r + 4] * 3600
            if machine < result.count, onset.isFinite, end.isFinite, end >= onset {
                result[machine].append(try FaultEpisode(faultType: modes.indices.contains(mode) ? modes[mode] : "fault",
                                                        onset: onset, end: end))
            }
            r += 6
        }
        return result
    }
}
