import Testing
import Control
import TwinModels

@Suite("Rule specifications")
struct RuleSpecTests {
    @Test("impossible numbers are rejected with the quantity named")
    func validation() {
        func rejects(_ condition: RuleCondition, hysteresis: Double = 0, raise: Double = 0, clear: Double = 0) -> Bool {
            do {
                _ = try RuleSpec(id: "r", signal: "s", condition: condition, severity: .warning, hysteresis: hysteresis,
                                 raiseAfterSeconds: raise, clearAfterSeconds: clear)
                return false
            } catch {
                return error.quantity.hasPrefix("rule r")
            }
        }
        #expect(rejects(.above(.nan)))
        #expect(rejects(.above(1), hysteresis: -1))
        #expect(rejects(.above(1), raise: -5))
        #expect(rejects(.above(1), clear: .infinity))
        #expect(rejects(.outside(low: 30, high: 18)))
        #expect(rejects(.outside(low: 18, high: 30), hysteresis: 6))
        #expect(rejects(.rateAbove(perHour: 5, windowSeconds: 0)))
        #expect(rejects(.aboveBaseline(fraction: 1.2, windowSeconds: 3600), hysteresis: 1.2))
        #expect(rejects(.aboveBaseline(fraction: 0, windowSeconds: 3600)))
        #expect(!rejects(.outside(low: 18, high: 30), hysteresis: 5.9))
    }

    @Test("severities order by urgency and keep their document spellings")
    func severities() {
        #expect(RuleSeverity.info < .warning && RuleSeverity.warning < .critical)
        #expect(RuleSeverity.allCases.map(\.rawValue) == ["INFO", "WARNING", "CRITICAL"])
    }
}
