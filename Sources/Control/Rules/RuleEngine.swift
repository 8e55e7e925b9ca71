/// Evaluates a set of declarative rules against a fixed set of named signal slots and keeps
/// the alerts they raise.
///
/// Signal names are resolved to slot indices once, at registration; `evaluate` then reads
/// one `Double` per slot, allocates nothing and hashes no strings (the alert log grows only
/// when an alert is raised), so a host can call it every control step for every room or
/// machine. A NaN (or infinite) reading is a missing sample: the rules on that signal keep
/// their state, their debounce timers keep running and their windows learn nothing.
///
/// Behaviour per rule (see `RuleSpec`): idle → pending (condition met) → raised (a violating
/// reading once the raise delay has passed, with no reading beyond the clear level in
/// between) → pending clear (a reading beyond the clear level) → idle (a reading beyond the
/// clear level once the clear delay has passed, with no violating reading in between).
/// Rules are evaluated in registration order, so events of one call come out in that order;
/// the engine is a value type with no hidden state, so the same rules, readings and times
/// always give the same events and alerts. A missing reading also holds an alert past the
/// end of its schedule; the first real reading after that ends it.
///
/// Time is simulation time in seconds, non-decreasing from call to call; hour of day for
/// schedules is `time / 3600 + clockOffsetHours` modulo 24.
public struct RuleEngine: Sendable {
    /// The signal slots, in the order `evaluate` expects their values.
    public let signals: [String]
    /// The registered rules, in evaluation order.
    public let rules: [RuleSpec]
    /// Hour of day at time 0, h (0 when time 0 is local midnight).
    public let clockOffsetHours: Double
    /// The distinct action targets of the rules, in order of first use.
    public let actionTargets: [String]
    /// The events of the most recent `evaluate` call, in rule order.
    public private(set) var events: [AlertEvent] = []
    /// Every alert raised so far, in raising order (`alerts[id - 1]`).
    public internal(set) var alerts: [Alert] = []
    /// How many alerts are active now.
    public private(set) var activeAlertCount = 0

    var compiled: [CompiledRule] = []
    var states: [RuleState]
    var windows: [RollingWindow] = []
    /// Per action target: how many active alerts hold it.
    var holders: [Int]
    /// Per action target: the forced value, NaN when free.
    var overrides: [Double]
    private var lastTime = -Double.infinity

    /// Registers `rules` against `signals`.
    ///
    /// - Parameters:
    ///   - signals: the slot names, unique, e.g. `["air_temperature", "measured_co2"]`.
    ///   - rules: rules with unique ids, each reading one of `signals`.
    ///   - clockOffsetHours: hour of day at time 0, h, for schedules (default 0).
    /// - Throws: `RuleEngineError` for an unknown signal (with the closest name), a repeated
    ///   rule id or a repeated signal name.
    public init(signals: [String], rules: [RuleSpec], clockOffsetHours: Double = 0) throws(RuleEngineError) {
        for (i, name) in signals.enumerated() where signals[..<i].contains(name) {
            throw .duplicateSignal(name)
        }
        var targets: [String] = []
        var compiled: [CompiledRule] = []
        var windows: [RollingWindow] = []
        for (i, rule) in rules.enumerated() {
            if rules[..<i].contains(where: { $0.id == rule.id }) { throw .duplicateRuleID(rule.id) }
            guard let slot = signals.firstIndex(of: rule.signal) else {
                throw .unknownSignal(rule: rule.id, signal: rule.signal,
                                     suggestion: Self.closest(to: rule.signal, among: signals))
            }
            var window = -1
            if let span = rule.condition.windowSeconds {
                window = windows.count
                windows.append(RollingWindow(span: span))
            }
            var target = -1
            if let action = rule.action {
                if let existing = targets.firstIndex(of: action.target) {
                    target = existing
                } else {
                    target = targets.count
                    targets.append(action.target)
                }
            }
            compiled.append(CompiledRule(rule, signal: slot, window: window, target: target))
        }
        self.signals = signals
        self.rules = rules
        self.clockOffsetHours = clockOffsetHours.isFinite ? clockOffsetHours : 0
        actionTargets = targets
        self.compiled = compiled
        self.windows = windows
        states = Array(repeating: RuleState(), count: rules.count)
        holders = Array(repeating: 0, count: targets.count)
        overrides = Array(repeating: .nan, count: targets.count)
        // Each rule emits at most one event per call, so this buffer never grows.
        events.reserveCapacity(rules.count)
        alerts.reserveCapacity(64)
    }

    /// Evaluates every rule on one set of readings.
    ///
    /// - Parameters:
    ///   - time: simulation time, s, not earlier than the previous call's.
    ///   - values: one reading per slot of `signals`, in their units; NaN = missing.
    /// - Returns: the number of events emitted (read them from `events`).
    @discardableResult
    public mutating func evaluate(time: Double, values: UnsafeBufferPointer<Double>) -> Int {
        precondition(values.count >= signals.count, "rule engine: \(values.count) readings for \(signals.count) signals")
        precondition(time >= lastTime, "rule engine: time went backwards (\(time) s after \(lastTime) s)")
        lastTime = time
        events.removeAll(keepingCapacity: true)
        var hour = (time / 3600 + clockOffsetHours).truncatingRemainder(dividingBy: 24)
        if hour < 0 { hour += 24 }
        for i in compiled.indices {
            let rule = compiled[i]
            let x = values[rule.signal]
            guard x.isFinite else { continue }
            var q = x
            switch rule.measure {
            case .reading:
                break
            case .rate:
                q = windows[rule.window].observe(time: time, value: x, learn: true).ratePerHour ?? .nan
            case .baselineRatio:
                if states[i].phase == .idle {
                    states[i].baseline = windows[rule.window].observe(time: time, value: x, learn: true).mean ?? .nan
                }
                let b = states[i].baseline
                q = b > 0 ? x / b : .nan
            }
            if let schedule = rule.schedule, !schedule.contains(hourOfDay: hour) {
                if states[i].phase.isAlerting {
                    clear(i, time: time, value: x, measure: q, bySchedule: true)
                } else {
                    states[i].phase = .idle
                }
                continue
            }
            guard !q.isNaN else { continue }
            step(i, rule, time: time, value: x, measure: q)
        }
        return events.count
    }

    /// `evaluate(time:values:)` for an array (convenient in tests and off the hot path).
    @discardableResult
    public mutating func evaluate(time: Double, values: [Double]) -> Int {
        values.withUnsafeBufferPointer { evaluate(time: time, values: $0) }
    }

    /// Advances one rule's state machine with measure `q`.
    @inline(__always)
    private mutating func step(_ i: Int, _ rule: CompiledRule, time: Double, value x: Double, measure q: Double) {
        let violating = q > rule.raiseHigh || q < rule.raiseLow
        let recovered = q < rule.clearHigh && q > rule.clearLow
        switch states[i].phase {
        case .idle:
            guard violating else { return }
            states[i].since = time
            if rule.raiseAfter <= 0 {
                raise(i, rule, time: time, value: x, measure: q)
            } else {
                states[i].phase = .pendingRaise
            }
        case .pendingRaise:
            // Only a return past the clear level ends the episode, so sensor noise dipping
            // into the hysteresis band does not restart a long debounce.
            if recovered {
                states[i].phase = .idle
            } else if violating, time - states[i].since >= rule.raiseAfter {
                raise(i, rule, time: time, value: x, measure: q)
            }
        case .raised:
            let a = states[i].alertIndex
            if rule.excess(q) > rule.excess(alerts[a].peakValue) { alerts[a].peakValue = q }
            guard recovered else { return }
            if rule.clearAfter <= 0 {
                clear(i, time: time, value: x, measure: q, bySchedule: false)
            } else {
                states[i].phase = .pendingClear
                states[i].since = time
            }
        case .pendingClear:
            // Symmetrically, only a new violation (not a reading in the band) restarts the alert.
            let a = states[i].alertIndex
            if rule.excess(q) > rule.excess(alerts[a].peakValue) { alerts[a].peakValue = q }
            if violating {
                states[i].phase = .raised
            } else if recovered, time - states[i].since >= rule.clearAfter {
                clear(i, time: time, value: x, measure: q, bySchedule: false)
            }
        }
    }

    private mutating func raise(_ i: Int, _ rule: CompiledRule, time: Double, value x: Double, measure q: Double) {
        let id = alerts.count + 1
        alerts.append(Alert(id: id, ruleIndex: i, ruleID: rules[i].id, severity: rules[i].severity,
                            onset: states[i].since, start: time, peakValue: q))
        states[i].phase = .raised
        states[i].alertIndex = alerts.count - 1
        activeAlertCount += 1
        events.append(AlertEvent(kind: .raised, alertID: id, ruleIndex: i, severity: rules[i].severity,
                                 time: time, value: x, measure: q))
        if rule.target >= 0 {
            holders[rule.target] += 1
            refreshOverride(rule.target)
        }
    }

    private mutating func clear(_ i: Int, time: Double, value x: Double, measure q: Double, bySchedule: Bool) {
        let a = states[i].alertIndex
        alerts[a].end = time
        alerts[a].endedBySchedule = bySchedule
        states[i].phase = .idle
        states[i].alertIndex = -1
        activeAlertCount -= 1
        events.append(AlertEvent(kind: .cleared, alertID: alerts[a].id, ruleIndex: i, severity: alerts[a].severity,
                                 time: time, value: x, measure: q))
        let target = compiled[i].target
        if target >= 0 {
            holders[target] -= 1
            refreshOverride(target)
        }
    }

    /// The forced value of a target is that of the first registered rule holding it, so
    /// overlapping interlocks resolve the same way every run.
    private mutating func refreshOverride(_ target: Int) {
        overrides[target] = .nan
        guard holders[target] > 0 else { return }
        for j in compiled.indices where compiled[j].target == target && states[j].phase.isAlerting {
            overrides[target] = compiled[j].actionValue
            return
        }
    }
}
