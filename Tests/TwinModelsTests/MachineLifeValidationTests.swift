import Foundation
import SimKernel
import Testing
@testable import TwinModels

/// The numbers behind docs/machine-validation.md: simulated bearing lives against ISO 281
/// and vibration against the ISO 10816 zones, for every machine preset.
///
/// The table is recomputed on every run and compared with `Golden/machine-life-validation.tsv`
/// (the file the note quotes); `TWINLAB_UPDATE_GOLDEN=1` rewrites it after a deliberate model
/// change. Separately, every row must agree with ISO 281 within sampling error, so the golden
/// file can only pin numbers that already pass the standard.
@Suite("Machine life validation (ISO 281, ISO 10816)")
struct MachineLifeValidationTests {
    static let seeds = 0..<UInt64(4000)
    static let loads = [0.5, 0.7, 1.0]
    static let goldenURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/machine-life-validation.tsv")

    /// One row of the note's life table.
    struct LifeRow {
        var kind: MachineKind
        var load: Double
        /// ISO 281 L10 at this load: L10_rated / load^p, h.
        var isoL10: Double
        /// Simulated 10th, 50th percentile and mean of the bearing life, h.
        var b10, b50, mean: Double
        /// Fraction of simulated units failed by the ISO L10.
        var failedByL10: Double

        var tsv: String {
            [kind.rawValue, String(load), String(format: "%.1f", isoL10), String(format: "%.1f", b10),
             String(format: "%.1f", b50), String(format: "%.1f", mean), String(format: "%.4f", failedByL10)]
                .joined(separator: "\t")
        }
    }

    /// Parameters with insulation and electrical wear pushed 50× out, so the bearing alone decides
    /// (at rated load and below no electrical stress accrues; overload adds that mode).
    static func bearingOnly(_ kind: MachineKind) -> MachineParameters {
        var p = MachineParameters.preset(for: kind)
        p.insulationReferenceLifeHours = 1e6
        p.electricalReferenceLifeHours = 1e6
        return p
    }

    static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        let x = q * Double(sorted.count - 1)
        let i = Int(x)
        let frac = x - Double(i)
        return i + 1 < sorted.count ? sorted[i] + frac * (sorted[i + 1] - sorted[i]) : sorted[i]
    }

    static func lifeTable() throws -> [LifeRow] {
        var rows: [LifeRow] = []
        for kind in MachineKind.allCases {
            let p = bearingOnly(kind)
            for load in loads {
                let conditions = try OperatingConditions(load: load)
                let lives = try seeds.map { seed in
                    MachineTestSupport.hoursToFailure(try MachineTestSupport.machine(kind, seed: seed, parameters: p), conditions)
                }.sorted()
                let isoL10 = p.l10Hours / pow(max(load, p.bearingMinimumLoadFraction), p.bearingType.lifeExponent)
                rows.append(LifeRow(
                    kind: kind, load: load, isoL10: isoL10, b10: percentile(lives, 0.1), b50: percentile(lives, 0.5),
                    mean: MachineTestSupport.mean(lives),
                    failedByL10: Double(lives.filter { $0 <= isoL10 }.count) / Double(lives.count)))
            }
        }
        return rows
    }

    @Test("every preset at 0.5, 0.7 and 1.0 × load: 10 % fail by the ISO 281 L10, B50 and mean follow Weibull β = 1.5")
    func lifeTableMatchesISO281AndGolden() throws {
        let rows = try Self.lifeTable()
        let n = Double(Self.seeds.count)
        let shape = WeibullLife.bearingISO281.shape
        for row in rows {
            // Binomial sampling error of a fraction near 0.1 over n units, 4σ.
            #expect(abs(row.failedByL10 - 0.1) < 4 * (0.09 / n).squareRoot(), "\(row.kind) at \(row.load): \(row.failedByL10)")
            // Weibull with shape β and 10 % at L10: B50 = L10·(ln 2 / ln(1/0.9))^(1/β).
            let b50 = row.isoL10 * pow(log(2) / log(1 / 0.9), 1 / shape)
            #expect(abs(row.b50 / b50 - 1) < 0.04, "\(row.kind) at \(row.load): B50 \(row.b50) vs \(b50)")
            let mean = row.isoL10 * WeibullLife.bearingISO281.meanDamageToFailure
            #expect(abs(row.mean / mean - 1) < 0.03, "\(row.kind) at \(row.load): mean \(row.mean) vs \(mean)")
        }
        let text = "kind\tload\tiso_l10_h\tsim_b10_h\tsim_b50_h\tsim_mean_h\tfailed_by_l10\n"
            + rows.map(\.tsv).joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["TWINLAB_UPDATE_GOLDEN"] == "1" {
            try text.write(to: Self.goldenURL, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: Self.goldenURL, encoding: .utf8)
        #expect(golden == text, "the life table moved; rerun with TWINLAB_UPDATE_GOLDEN=1 and update docs/machine-validation.md")
    }

    @Test("stepping a pump hour by hour gives the same lives as its deterministic RUL")
    func steppedLivesAgreeWithRUL() throws {
        let p = Self.bearingOnly(.pump)
        let conditions = try OperatingConditions(load: 1.0)
        for seed in UInt64(0)..<40 {
            var m = try MachineTestSupport.machine(.pump, seed: seed, parameters: p)
            let expected = MachineTestSupport.hoursToFailure(m, conditions)
            var failure: MachineFailure?
            while failure == nil { failure = try m.advance(seconds: 3600, under: conditions) }
            let hours = try #require(failure).timeSeconds / 3600
            #expect(abs(hours - expected) < 1e-6 * expected, "seed \(seed): stepped \(hours) h, RUL \(expected) h")
        }
    }

    @Test("vibration leaves zone B at fault onset, enters zone D before failure and ends at 1.25 × the C/D limit")
    func vibrationCrossesISO10816Zones() throws {
        for kind in MachineKind.allCases {
            let p = Self.bearingOnly(kind)
            let limits = p.vibrationLimits
            let conditions = try OperatingConditions(load: 1.0)
            var m = try MachineTestSupport.machine(kind, seed: 3, parameters: p)
            let life = MachineTestSupport.hoursToFailure(m, conditions)
            var entered: [VibrationZone: Double] = [:]
            var previous = 0.0
            var hours = 0.0
            var failure: MachineFailure?
            while failure == nil {
                failure = try m.advance(seconds: 3600, under: conditions)
                hours += 1
                // A failed machine stops (vibration 0); the housing reading at the failure instant
                // is the running law at full wear.
                let v = m.state.failure == nil ? m.vibration : m.runningVibration
                #expect(v >= previous, "\(kind): vibration fell at \(hours) h")
                previous = v
                let zone = limits.zone(forVelocity: v)
                if entered[zone] == nil { entered[zone] = min(hours, life) / life }
            }
            let onset = p.faultOnsetFraction
            // Linear damage at constant load: the zone C entry is the onset fraction of life.
            let enteredC = try #require(entered[.c], "\(kind) never reached zone C")
            #expect(abs(enteredC - onset) <= 1 / life + 1e-9, "\(kind): zone C at \(enteredC) of life")
            // v = v_BC·(v_f/v_BC)^((w − f)/(1 − f)) reaches v_CD at this wear fraction.
            let atFailure = p.vibrationAtFailureFactor * limits.zoneCUpper
            let zoneD = onset + (1 - onset) * log(limits.zoneCUpper / limits.zoneBUpper) / log(atFailure / limits.zoneBUpper)
            let enteredD = try #require(entered[.d], "\(kind) never reached zone D")
            #expect(abs(enteredD - zoneD) <= 1 / life + 1e-9, "\(kind): zone D at \(enteredD) of life, expected \(zoneD)")
            #expect(abs(previous - atFailure) < 1e-9 * atFailure)
        }
    }
}
