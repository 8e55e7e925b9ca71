import Foundation
import Testing
import Control
import Scenario

/// The `rules[]` keys: one rule of each kind read to the engine's spec, and every kind of
/// mistake reported at once with its line and a suggestion.
@Suite("Rule reader")
struct RuleReaderTests {
    static let signals = ["air_temperature", "relative_humidity", "co2", "total_power"]

    static func fixture(_ name: String) throws -> String {
        try #require(Bundle.module.path(forResource: name, ofType: "yaml", inDirectory: "Fixtures"))
    }

    @Test("every condition kind, schedule, action and unit conversion reads into RuleSpec")
    func readsEveryKind() throws {
        let rules = try ScenarioLoader.loadRules(path: Self.fixture("rules"), allowedSignals: Self.signals)
        #expect(rules.map(\.id) == ["hot-room", "dry-room", "band", "warming-fast", "power-spike", "lights-off"])
        let hot = rules[0]
        #expect(hot.condition == .above(30) && hot.hysteresis == 1 && hot.severity == .warning)
        #expect(hot.raiseAfterSeconds == 300 && hot.clearAfterSeconds == 600 && hot.message == "air at {value} °C")
        #expect(rules[1].condition == .below(40) && rules[1].severity == .info)
        #expect(rules[1].schedule == (try RuleSchedule(fromHour: 22, toHour: 6)))
        #expect(rules[2].condition == .outside(low: 18, high: 30))
        #expect(rules[3].condition == .rateAbove(perHour: 4, windowSeconds: 1800))
        // Percent and percentage points become the engine's fractions; hours become seconds.
        #expect(rules[4].condition == .aboveBaseline(fraction: 1.2, windowSeconds: 7200))
        #expect(abs(rules[4].hysteresis - 0.1) < 1e-12)
        #expect(rules[5].action == .interlock(target: "lights", value: RuleAction.off))
        // What was read is what the engine runs.
        _ = try RuleEngine(signals: Self.signals, rules: rules)
    }

    @Test("all mistakes at once, with lines and suggestions")
    func everyMistake() throws {
        let error = #expect(throws: ScenarioError.self) {
            try ScenarioLoader.loadRules(path: Self.fixture("rules-errors"), allowedSignals: Self.signals,
                                         allowedTargets: ["lights", "co2"])
        }
        let issues = error?.issues ?? []
        func issue(_ field: String) -> ScenarioIssue? { issues.first { $0.field == field } }
        let typo = try #require(issue("rules[0].signal"))
        #expect(typo.expected.contains("did you mean 'air_temperature'") && typo.line == 4)
        #expect(issue("rules[1].severity")?.expected.contains("did you mean 'CRITICAL'") == true)
        #expect(issue("rules[2].below")?.expected.contains("exactly one condition") == true)
        #expect(issue("rules[3].above")?.expected.contains("exactly one condition") == true)
        #expect(issue("rules[4].id")?.expected.contains("not used by another rule") == true)
        #expect(issue("rules[5].hysteresis")?.value == "7")
        #expect(issue("rules[6].active_to_hour")?.expected.contains("or neither") == true)
        #expect(issue("rules[7].raise_after_sec")?.expected.contains("did you mean 'raise_after_s'") == true)
        #expect(issue("rules[8].action.value")?.value == "dim")
        #expect(issue("rules[9].rate_window_minutes")?.line == 38)
        #expect(issues.count == 10)
    }

    @Test("an action target the host cannot override is named with the choices")
    func unknownTarget() {
        let error = #expect(throws: ScenarioError.self) {
            try ScenarioLoader.parseRules("rules: [{id: r, signal: co2, above: 2000, action: {interlock: light}}]",
                                          file: "inline.yaml", allowedSignals: Self.signals, allowedTargets: ["lights"])
        }
        #expect(error?.issues.first?.field == "rules[0].action.interlock")
        #expect(error?.issues.first?.expected.contains("did you mean 'lights'") == true)
    }

    @Test("a rules document needs a non-empty list")
    func emptyList() {
        for text in ["rules: []", "other: 1"] {
            let error = #expect(throws: ScenarioError.self) {
                try ScenarioLoader.parseRules(text, file: "x.yaml", allowedSignals: Self.signals)
            }
            #expect(error?.issues.contains { $0.field == "rules" } == true)
        }
    }
}
