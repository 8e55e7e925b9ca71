/// Lookups, acknowledgement, interlock overrides and messages: everything the host calls
/// between evaluations (these may allocate; `evaluate` does not).
extension RuleEngine {
    /// The slot of a signal name, or nil.
    public func signalIndex(of name: String) -> Int? { signals.firstIndex(of: name) }

    /// The alert with this id, or nil.
    public func alert(id: Int) -> Alert? { id >= 1 && id <= alerts.count ? alerts[id - 1] : nil }

    /// The alerts active now, in raising order.
    public var activeAlerts: [Alert] { alerts.filter(\.isActive) }

    /// Whether rule `ruleIndex` has an active alert.
    public func isAlerting(ruleIndex: Int) -> Bool { states[ruleIndex].phase.isAlerting }

    /// The most urgent severity among active alerts; nil when none is active.
    public var highestActiveSeverity: RuleSeverity? {
        var best: RuleSeverity?
        for i in states.indices where states[i].phase.isAlerting {
            best = max(best ?? rules[i].severity, rules[i].severity)
        }
        return best
    }

    /// Records that an operator acknowledged alert `alertID` at `time` (s); active and ended
    /// alerts can both be acknowledged, each once.
    ///
    /// - Returns: false if there is no such alert, it was already acknowledged, or `time`
    ///   is before the alert was raised.
    @discardableResult
    public mutating func acknowledge(alertID: Int, at time: Double) -> Bool {
        guard alertID >= 1, alertID <= alerts.count else { return false }
        let i = alertID - 1
        guard alerts[i].acknowledgedAt == nil, time >= alerts[i].start else { return false }
        alerts[i].acknowledgedAt = time
        return true
    }

    /// Alerts still waiting for an operator, in raising order.
    public var unacknowledgedAlerts: [Alert] { alerts.filter { $0.acknowledgedAt == nil } }

    /// The index of an action target name in `actionTargets`, or nil.
    public func targetIndex(of target: String) -> Int? { actionTargets.firstIndex(of: target) }

    /// The value target `index` is forced to now, or nil when no active alert holds it.
    @inline(__always)
    public func override(forTargetAt index: Int) -> Double? {
        let v = overrides[index]
        return v.isNaN ? nil : v
    }

    /// The value `target` is forced to now, or nil when it is free (or no rule acts on it).
    public func override(for target: String) -> Double? {
        targetIndex(of: target).flatMap { override(forTargetAt: $0) }
    }

    /// The actions in force now, one per held target, in target order.
    public var activeActions: [RuleAction] {
        actionTargets.indices.compactMap { t in
            override(forTargetAt: t).map { RuleAction(target: actionTargets[t], value: $0) }
        }
    }

    /// The alert's text from its rule's template, with its peak measure as `{value}`.
    public func message(for alert: Alert) -> String {
        rules[alert.ruleIndex].renderMessage(value: alert.peakValue)
    }

    /// The event's text from its rule's template, with the measure at that time as `{value}`.
    public func message(for event: AlertEvent) -> String {
        let text = rules[event.ruleIndex].renderMessage(value: event.measure)
        return event.kind == .cleared ? "cleared: " + text : text
    }

    /// The closest of `candidates` to `word` within a third of its length (Levenshtein).
    static func closest(to word: String, among candidates: [String]) -> String? {
        let a = Array(word.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let b = Array(candidate.lowercased())
            var previous = Array(0...b.count)
            for i in a.indices {
                var current = [i + 1] + Array(repeating: 0, count: b.count)
                for j in b.indices {
                    current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a[i] == b[j] ? 0 : 1))
                }
                previous = current
            }
            let d = previous[b.count]
            if d <= max(2, a.count / 3), d < (best?.1 ?? .max) { best = (candidate, d) }
        }
        return best?.0
    }
}
