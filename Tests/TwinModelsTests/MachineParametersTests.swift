import Foundation
import Testing
import TwinModels

/// ISO 281 life, losses, the thermal resistance helper and the presets.
@Suite("MachineParameters")
struct MachineParametersTests {
    static func withBearing(c: Double, p: Double, rpm: Double, type: BearingType) throws -> MachineParameters {
        try MachineParameters(
            kind: .motor, ratedPower: 30, efficiency: 0.936, insulationClass: .f, thermalTimeConstant: 2400,
            thermalResistance: 20, bearingType: type, bearingDynamicLoadRating: c, bearingEquivalentLoad: p,
            speed: rpm, baselineVibration: 1, vibrationLimits: .group2Rigid)
    }

    @Test("ISO 281: C/P = 10 ball bearing at 1500 rpm gives 1e9 rev = 11 111 h")
    func l10Ball() throws {
        let p = try Self.withBearing(c: 50, p: 5, rpm: 1500, type: .ball)
        #expect(abs(p.l10Revolutions / 1e9 - 1) < 1e-12)
        #expect(abs(p.l10Hours - 1e9 / (1500 * 60)) < 1e-6)
        #expect(abs(p.l10Hours - 11_111.1) < 0.1)
    }

    @Test("ISO 281: roller exponent 10/3, C/P = 10 gives 10^(10/3)·1e6 rev")
    func l10Roller() throws {
        let p = try Self.withBearing(c: 50, p: 5, rpm: 1500, type: .roller)
        #expect(abs(p.l10Revolutions / (pow(10, 10.0 / 3.0) * 1e6) - 1) < 1e-12)
        #expect(abs(p.l10Revolutions / 2.1544e9 - 1) < 1e-4)
    }

    @Test("losses: rated losses P(1/η − 1) at L = 1, the no-load share at L = 0, quadratic between")
    func losses() throws {
        let p = MachineParameters.preset(for: .motor)
        #expect(abs(p.losses(atLoad: 1) - 30 * (1 / 0.936 - 1)) < 1e-12)
        #expect(abs(p.losses(atLoad: 0) - 0.3 * p.ratedLosses) < 1e-12)
        #expect(abs(p.losses(atLoad: 0.5) - p.ratedLosses * (0.3 + 0.7 * 0.25)) < 1e-12)
    }

    @Test("every preset validates, uses class F, a 90 K rated hot-spot rise and an L10 in 20 000–50 000 h")
    func presets() throws {
        for kind in MachineKind.allCases {
            let p = MachineParameters.preset(for: kind)
            try p.validate()
            #expect(p.kind == kind)
            #expect(p.insulationClass == .f)
            #expect(abs(p.thermalResistance * p.ratedLosses - 90) < 1e-9)
            #expect(p.l10Hours > 19_900 && p.l10Hours < 50_100, "\(kind): \(p.l10Hours)")
            #expect(p.vibrationLimits.zone(forVelocity: p.baselineVibration) == .a)
        }
        #expect(MachineParameters.preset(for: .compressor).vibrationLimits == .group1Rigid)
        #expect(MachineParameters.preset(for: .compressor).bearingType == .roller)
    }

    @Test("insulation class limits are IEC 60085: B 130, F 155, H 180 °C")
    func insulationClasses() {
        #expect(InsulationClass.b.hotSpotLimit == 130)
        #expect(InsulationClass.f.hotSpotLimit == 155)
        #expect(InsulationClass.h.hotSpotLimit == 180)
    }

    @Test("invalid parameters throw a typed error naming the quantity")
    func invalid() throws {
        #expect(throws: ModelInputError.self) { try Self.withBearing(c: 50, p: 0, rpm: 1500, type: .ball) }
        #expect(throws: ModelInputError.self) { try Self.withBearing(c: 50, p: 5, rpm: .nan, type: .ball) }
        var p = MachineParameters.preset(for: .pump)
        p.baselineVibration = 3.0 // above the group 2 B/C boundary: a new machine cannot start in zone C
        do {
            try p.validate()
            Issue.record("expected an error")
        } catch {
            #expect(error.quantity == "baseline vibration")
        }
    }
}
