import Foundation
import Control
import TwinModels
import Yams

/// Reading of `rules[]` entries — declarative alert rules — for any section that has named
/// signals (a room's channels, a machine's temperature/power/vibration). The caller passes
/// the signal names that exist where the list appears, so a typo'd signal gets a "did you
/// mean"; keys and units are documented in docs/scenario-format.md, "Rules".
extension ScenarioLoader {
    /// The condition keys; a rule has exactly one.
    static let ruleConditionKeys = ["above", "below", "outside", "rate_above_per_hour", "above_baseline_pct"]

    /// Reads a list of rule entries; every problem goes to the readers' sink, and a rule
    /// with a problem is left out (the caller fails the whole file anyway).
    ///
    /// - Parameters:
    ///   - list: the entries, from `reader.list("rules", required: false, itemName: "rule")`.
    ///   - allowedSignals: the signal names a rule may read here.
    ///   - allowedTargets: the action targets the host can override here; nil = any name.
    static func readRules(_ list: some Sequence<FieldReader>, allowedSignals: [String], allowedTargets: [String]? = nil) -> [RuleSpec] {
        var rules: [RuleSpec] = []
        var ids: Set<String> = []
        for reader in list {
            let rule = readRule(reader, allowedSignals: allowedSignals, allowedTargets: allowedTargets, takenIDs: ids)
            if let rule {
                ids.insert(rule.id)
                rules.append(rule)
            }
        }
        return rules
    }

    /// Parses a stand-alone rules document (`rules:` and nothing else), e.g. a rule file
    /// shared by several scenarios; `file` names it in messages.
    ///
    /// - Throws: `ScenarioError` with every issue at once (malformed YAML, unknown keys,
    ///   unknown signals with a suggestion, impossible numbers, repeated ids).
    public static func parseRules(_ text: String, file: String, allowedSignals: [String],
                                  allowedTargets: [String]? = nil) throws -> [RuleSpec] {
        let root = try compose(text, file: file, field: "rules", expected: "a list of rules")
        let sink = IssueSink()
        let top = FieldReader(file: file, path: "", node: root, sink: sink)
        let rules = readRules(top.list("rules", required: true, itemName: "rule"), allowedSignals: allowedSignals,
                              allowedTargets: allowedTargets)
        top.finish()
        guard sink.issues.isEmpty else { throw ScenarioError(sink, file: file) }
        return rules
    }

    /// `parseRules` of the file at `path`.
    public static func loadRules(path: String, allowedSignals: [String], allowedTargets: [String]? = nil) throws -> [RuleSpec] {
        try parseRules(readText(path), file: path, allowedSignals: allowedSignals, allowedTargets: allowedTargets)
    }

    private static func readRule(_ r: FieldReader, allowedSignals: [String], allowedTargets: [String]?,
                                 takenIDs: Set<String>) -> RuleSpec? {
        let id = r.string("id")
        let signal = r.string("signal", allowed: allowedSignals)
        let level = -1e12...1e12
        let above = r.optionalDouble("above", in: level, unit: "signal unit")
        let below = r.optionalDouble("below", in: level, unit: "signal unit")
        var band: (low: Double, high: Double)?
        if let section = r.section("outside", required: false) {
            band = (section.double("low", in: level, unit: "signal unit"), section.double("high", in: level, unit: "signal unit"))
            if section.schema == nil, let b = band, !(b.low < b.high) {
                section.report("high", expected: "a value above low (\(b.low))")
            }
            section.finish()
        }
        let rate = r.optionalDouble("rate_above_per_hour", in: level, unit: "signal unit per hour")
        let rateWindow = r.optionalDouble("rate_window_minutes", in: 1...1e6, unit: "minutes")
        let percent = r.optionalDouble("above_baseline_pct", in: 0.01...1e6, unit: "% of the rolling mean")
        let baselineWindow = r.optionalDouble("baseline_window_hours", in: 0.01...1e4, unit: "hours")
        let hysteresis = r.double("hysteresis", default: 0, in: 0...1e12,
                                  unit: "the condition's unit (rates: per hour; baselines: percentage points)")
        let raiseAfter = r.double("raise_after_s", default: 0, in: 0...1e8, unit: "s")
        let clearAfter = r.double("clear_after_s", default: 0, in: 0...1e8, unit: "s")
        let severity = RuleSeverity(rawValue: r.string("severity", default: "WARNING",
                                                       allowed: RuleSeverity.allCases.map(\.rawValue))) ?? .warning
        let from = r.optionalDouble("active_from_hour", in: 0...24, unit: "hour of day")
        let to = r.optionalDouble("active_to_hour", in: 0...24, unit: "hour of day")
        var action: RuleAction?
        if let section = r.section("action", required: false) {
            let target = section.string("interlock", allowed: allowedTargets)
            let text = section.string("value", default: "off")
            let value: Double? = text == "off" ? RuleAction.off : text == "on" ? RuleAction.on : Double(text)
            if section.schema == nil, value?.isFinite != true {
                section.report("value", expected: "off, on or a number (the value the target is held at)")
            }
            section.finish()
            action = .interlock(target: target, value: value ?? 0)
        }
        let message = r.string("message", default: "")
        r.finish()
        guard r.schema == nil, !id.isEmpty, !signal.isEmpty else { return nil }

        let before = r.sink.count
        if !EntityID.isValid(id) {
            r.checkID("id", id, names: "the rule's alerts")
        } else if takenIDs.contains(id) {
            r.report("id", expected: "an id not used by another rule")
        }
        var conditions: [(key: String, condition: RuleCondition)] = []
        if let above { conditions.append(("above", .above(above))) }
        if let below { conditions.append(("below", .below(below))) }
        if let band { conditions.append(("outside", .outside(low: band.low, high: band.high))) }
        if let rate {
            conditions.append(("rate_above_per_hour", .rateAbove(perHour: rate, windowSeconds: (rateWindow ?? 60) * 60)))
        }
        if let percent {
            conditions.append(("above_baseline_pct", .aboveBaseline(fraction: percent / 100,
                                                                    windowSeconds: (baselineWindow ?? 1) * 3600)))
        }
        if conditions.count != 1 {
            r.report(conditions.dropFirst().first?.key ?? "above",
                     expected: "exactly one condition: \(ruleConditionKeys.joined(separator: ", "))")
        }
        if rate == nil, rateWindow != nil { r.report("rate_window_minutes", expected: "only with rate_above_per_hour") }
        if percent == nil, baselineWindow != nil { r.report("baseline_window_hours", expected: "only with above_baseline_pct") }
        var schedule: RuleSchedule?
        switch (from, to) {
        case (nil, nil): break
        case let (from?, to?):
            do { schedule = try RuleSchedule(fromHour: from, toHour: to) } catch { r.report("active_to_hour", expected: error.message) }
        default:
            r.report(from == nil ? "active_from_hour" : "active_to_hour",
                     expected: "both active_from_hour and active_to_hour, or neither")
        }
        guard r.sink.count == before, let condition = conditions.first?.condition else { return nil }
        do {
            return try RuleSpec(id: id, signal: signal, condition: condition, severity: severity,
                                hysteresis: percent != nil ? hysteresis / 100 : hysteresis,
                                raiseAfterSeconds: raiseAfter, clearAfterSeconds: clearAfter, schedule: schedule,
                                action: action, message: message.isEmpty ? nil : message)
        } catch {
            let key = error.quantity.hasSuffix("hysteresis") ? "hysteresis" : conditions[0].key
            r.report(key, expected: "a consistent rule: \(error.message)")
            return nil
        }
    }
}
