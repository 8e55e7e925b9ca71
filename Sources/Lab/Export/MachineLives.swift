import Recording

/// A fleet run, or the room machines of a facility run, cut into machine lives: the units of
/// the machine exports.
///
/// A life runs from t = 0, or from the first recorded row at or after the machine's return to
/// service after a failure, to the row whose recording interval holds the next failure
/// (`failed`), or to the last row (cut off by the horizon). Rows while a failed machine waits
/// for repair (and, in a fleet, approval) belong to no life. Lives shorter than one recording
/// interval are dropped. Failure times come from the ground truth (`/labels/machine_faults`,
/// outcome `failed`); returns from the fleet's `approved` events, or from a facility's
/// `machine_repaired` events (their `value` is the machine index).
struct MachineLives {
    /// One life of one machine; row indices into that machine's table, inclusive.
    struct Life {
        var machine: Int
        /// 1, 2, … per machine.
        var ordinal: Int
        var first: Int
        var last: Int
        var failed: Bool
        /// The failure mode name of a failed life.
        var mode: String?
        var steps: Int { last - first }
    }

    /// A maintenance decision: when, for which machine, and the action's name.
    struct Decision {
        var time: Double
        var machine: Int
        var action: String
    }

    /// Machine ids in the run's own order (`machines` attribute of `/events`).
    let machines: [String]
    /// Each machine's time series, in `machines` order.
    let tables: [HDF5Table]
    let lives: [Life]
    /// Every machine decision: for a fleet run the agent's (`/decisions/audit`, in file order),
    /// then the preventive and condition-based work orders of `/events` as `maintenance`, also
    /// those the maintenance policy opened without an agent; none for a facility run.
    let decisions: [Decision]

    /// Reads and cuts the run's machines; every table must hold `channels`.
    init(run: ExportedRun, requiring channels: [String]) throws {
        // Where each layout keeps the machine of an event, and which event returns it to service.
        let (machineColumn, returnKind): (String, String)
        switch run.model {
        case .fleet: (machineColumn, returnKind) = ("machine", "approved")
        case .facility: (machineColumn, returnKind) = ("value", "machine_repaired")
        case .other:
            throw DatasetExportError(.wrongModel, "'\(run.path)' is a \(run.modelName) run, not a fleet or facility run")
        }
        let machines = run.names("machines", of: "events")
        guard !machines.isEmpty else {
            if run.model == .facility {
                throw DatasetExportError(
                    .wrongModel, "'\(run.path)' is a facility run without room machines (no facility.machines): "
                        + "there are no machine lives to export")
            }
            throw DatasetExportError(.malformedRun, "'\(run.path):/events' has no 'machines' attribute")
        }
        tables = try machines.map { try run.table("timeseries/machines/\($0)", requiring: ["time"] + channels) }
        let labels = try run.table("labels/machine_faults", requiring: ["machine", "mode", "failure", "outcome"])
        let modes = run.names("modes", of: "labels/machine_faults")
        let failedCode = run.names("outcomes", of: "labels/machine_faults").firstIndex(of: "failed") ?? 0
        let events = try run.table("events", requiring: ["time", machineColumn, "kind"])
        let returned = run.names("kinds", of: "events").firstIndex(of: returnKind)
        var failures = Array(repeating: [(time: Double, mode: String)](), count: machines.count)
        let column = { (table: HDF5Table, name: String) in table.columns.firstIndex(of: name)! }
        let (labelMachine, modeColumn, failureColumn) = (column(labels, "machine"), column(labels, "mode"),
                                                         column(labels, "failure"))
        for row in 0..<labels.rowCount where Int(labels[row, column(labels, "outcome")]) == failedCode {
            let machine = Int(labels[row, labelMachine])
            guard failures.indices.contains(machine) else {
                throw DatasetExportError(.malformedRun, "'\(run.path):/labels/machine_faults' row \(row) names machine \(machine), which does not exist")
            }
            let mode = Int(labels[row, modeColumn])
            failures[machine].append((labels[row, failureColumn], modes.indices.contains(mode) ? modes[mode] : "mode \(mode)"))
        }
        var returns = Array(repeating: [Double](), count: machines.count)
        let (eventTime, eventMachine, eventKind) = (column(events, "time"), column(events, machineColumn),
                                                    column(events, "kind"))
        for row in 0..<events.rowCount where returned != nil && Int(events[row, eventKind]) == returned {
            let machine = Int(events[row, eventMachine])
            if returns.indices.contains(machine) { returns[machine].append(events[row, eventTime]) }
        }
        var lives: [Life] = []
        for machine in machines.indices {
            lives += Self.cut(machine: machine, times: tables[machine].column("time") ?? [],
                              failures: failures[machine].sorted { $0.time < $1.time }, returns: returns[machine].sorted())
        }
        self.machines = machines
        self.lives = lives
        // A facility's decisions/audit holds room decisions, not machine ones, and its machines
        // have no planned work orders.
        self.decisions = run.model == .fleet
            ? try Self.readDecisions(run) + Self.workOrders(events, kinds: run.names("kinds", of: "events")) : []
    }

    /// The preventive and condition-based work orders in a fleet run's `events`, as
    /// `maintenance` decisions at the time the order was opened (`pm_ordered`, `cbm_ordered`).
    /// Run files written before those kinds existed give the start of the job (`pm_start`,
    /// `cbm_start`) instead: the order time is not in them.
    static func workOrders(_ events: HDF5Table, kinds: [String]) -> [Decision] {
        guard let time = events.columns.firstIndex(of: "time"), let machine = events.columns.firstIndex(of: "machine"),
              let kind = events.columns.firstIndex(of: "kind") else { return [] }
        let ordered = ["pm_ordered", "cbm_ordered"].compactMap { kinds.firstIndex(of: $0) }
        let codes = Set(ordered.isEmpty ? ["pm_start", "cbm_start"].compactMap { kinds.firstIndex(of: $0) } : ordered)
        return (0..<events.rowCount).filter { codes.contains(Int(events[$0, kind])) }.map {
            Decision(time: events[$0, time], machine: Int(events[$0, machine]), action: "maintenance")
        }
    }

    /// The lives of one machine from its row times, failure times and approval times.
    static func cut(machine: Int, times: [Double], failures: [(time: Double, mode: String)], returns: [Double]) -> [Life] {
        var lives: [Life] = []
        var first: Int? = times.isEmpty ? nil : 0
        for failure in failures {
            guard let start = first else { break }
            // The row whose recording interval (previous row, this row] holds the failure.
            guard let end = times.firstIndex(where: { $0 >= failure.time }) else { break }
            // A failure in the interval that also holds the return to service leaves no life to record.
            if end > start {
                lives.append(Life(machine: machine, ordinal: lives.count + 1, first: start, last: end, failed: true,
                                  mode: failure.mode))
            }
            let back = returns.first { $0 >= failure.time }
            first = back.flatMap { t in times.firstIndex { $0 >= t } }
        }
        if let start = first {
            lives.append(Life(machine: machine, ordinal: lives.count + 1, first: start, last: times.count - 1, failed: false))
        }
        return lives.filter { $0.steps >= 1 }.enumerated().map { var life = $1; life.ordinal = $0 + 1; return life }
    }

    private static func readDecisions(_ run: ExportedRun) throws -> [Decision] {
        guard run.reader.contains("decisions/audit") else { return [] }
        let audit = try run.table("decisions/audit", requiring: ["time", "machine", "action"])
        let actions = run.names("actions", of: "decisions/audit")
        let timeColumn = audit.columns.firstIndex(of: "time")!, machineColumn = audit.columns.firstIndex(of: "machine")!
        let actionColumn = audit.columns.firstIndex(of: "action")!
        return (0..<audit.rowCount).map { row in
            let code = Int(audit[row, actionColumn])
            return Decision(time: audit[row, timeColumn], machine: Int(audit[row, machineColumn]),
                            action: actions.indices.contains(code) ? actions[code] : "none")
        }
    }
}
