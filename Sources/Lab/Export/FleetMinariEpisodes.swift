import Recording

/// Minari episodes from a fleet run: one per machine life (see ``MachineLives``).
///
/// Observation Box(float32, 6) = what a maintenance agent can read off the machine: `power`
/// (kW), `temperature` (°C), `hot_spot_temperature` (°C), `vibration` (mm/s), `runtime` (h),
/// `health` (0–100); never the ground truth (wear fractions, RUL). Action Discrete(3) =
/// {0 NONE, 1 MAINTENANCE, 2 OFFLINE}: the decisions in the step's interval [row, next row)
/// — the agent's (`/decisions/audit`) and the preventive and condition-based work orders
/// opened (`pm_ordered`, `cbm_ordered` events, MAINTENANCE) — the strongest when several
/// (OFFLINE > MAINTENANCE > NONE), NONE without one. Closed on the left because a row is
/// recorded before the machine step of the same instant, where alerts, agents and the
/// maintenance policy decide: a decision at a row's time has seen that row. Reward =
/// −(downtime_cost_per_hour × h out of service + energy price × kWh): out of service when the
/// row ending the step shows status ≠ ONLINE, energy by the trapezoid of the two rows' power. Infos: `rul` (h), `vibration_zone` (0 A … 3 D),
/// `status` (0 ONLINE, 1 MAINTENANCE, 2 OFFLINE), `time` (h).
enum FleetMinariEpisodes {
    static let observationChannels = ["power", "temperature", "hot_spot_temperature", "vibration", "runtime", "health"]
    static let infoChannels = ["rul", "vibration_zone", "status", "time"]
    static let actionNames = ["none", "maintenance", "offline"]

    static let observationSpace = MinariSpace.box(
        low: [0, -.infinity, -.infinity, 0, 0, 0], high: [.infinity, .infinity, .infinity, .infinity, .infinity, 100])

    /// Builds the episodes; `lives` was read requiring ``observationChannels`` and the infos.
    static func episodes(_ lives: MachineLives, downtimeCostPerHour: Double, energyPrice: Double) -> [MinariEpisode] {
        // Each machine's decisions as action codes in time order, walked once per life.
        var decisions = Array(repeating: [(time: Double, action: Int)](), count: lives.machines.count)
        for decision in lives.decisions where decisions.indices.contains(decision.machine) {
            decisions[decision.machine].append((decision.time, actionNames.firstIndex(of: decision.action) ?? 0))
        }
        for index in decisions.indices { decisions[index].sort { $0.time < $1.time } }
        return lives.lives.map { life in
            let table = lives.tables[life.machine]
            let index = { (name: String) in table.columns.firstIndex(of: name)! }
            let obsColumns = observationChannels.map(index)
            let (time, status, power) = (index("time"), index("status"), index("power"))
            var observations: [Double] = []
            observations.reserveCapacity((life.steps + 1) * obsColumns.count)
            for row in life.first...life.last { observations += obsColumns.map { table[row, $0] } }
            let mine = decisions[life.machine]
            var next = mine.firstIndex { $0.time >= table[life.first, time] } ?? mine.count
            var actions: [Double] = [], rewards: [Double] = []
            for row in life.first..<life.last {
                let (from, to) = (table[row, time], table[row + 1, time])
                var chosen = 0
                while next < mine.count, mine[next].time < to {
                    chosen = max(chosen, mine[next].action)
                    next += 1
                }
                actions.append(Double(chosen))
                let hours = to - from
                let down = table[row + 1, status] != 0 ? hours : 0
                let kWh = hours * (table[row, power] + table[row + 1, power]) / 2
                rewards.append(-(downtimeCostPerHour * down + energyPrice * kWh))
            }
            let last = Array(repeating: false, count: life.steps - 1)
            let infos = infoChannels.map { name in
                MinariInfo(name: name, values: (life.first...life.last).map { table[$0, index(name)] },
                           isInteger: name == "vibration_zone" || name == "status")
            }
            return MinariEpisode(observations: observations, actions: actions, rewards: rewards,
                                 terminations: last + [life.failed], truncations: last + [!life.failed], infos: infos)
        }
    }
}
