import Testing
import TwinModels

/// ISO 10816-3 zone boundaries (ISO 10816-3:2009; docs/model-reference.md §Vibration zones).
@Suite("VibrationSeverityLimits")
struct VibrationSeverityLimitsTests {
    static func check(_ limits: VibrationSeverityLimits, _ ab: Double, _ bc: Double, _ cd: Double) {
        #expect(limits.zone(forVelocity: 0) == .a)
        #expect(limits.zone(forVelocity: ab) == .a, "a boundary value belongs to the lower zone")
        #expect(limits.zone(forVelocity: ab.nextUp) == .b)
        #expect(limits.zone(forVelocity: bc) == .b)
        #expect(limits.zone(forVelocity: bc.nextUp) == .c)
        #expect(limits.zone(forVelocity: cd) == .c)
        #expect(limits.zone(forVelocity: cd.nextUp) == .d)
        #expect(limits.zone(forVelocity: 50) == .d)
    }

    @Test("group 2 rigid 1.4 / 2.8 / 4.5 mm/s")
    func group2Rigid() { Self.check(.group2Rigid, 1.4, 2.8, 4.5) }

    @Test("group 1 rigid 2.3 / 4.5 / 7.1 mm/s")
    func group1Rigid() { Self.check(.group1Rigid, 2.3, 4.5, 7.1) }

    @Test("flexible foundations: group 1 3.5 / 7.1 / 11.0, group 2 2.3 / 4.5 / 7.1 mm/s")
    func flexible() {
        Self.check(.group1Flexible, 3.5, 7.1, 11.0)
        Self.check(.group2Flexible, 2.3, 4.5, 7.1)
    }

    @Test("ISO 10816-1 class I 0.71 / 1.8 / 4.5 mm/s")
    func classI() { Self.check(.classI, 0.71, 1.8, 4.5) }

    @Test("zones are ordered A < B < C < D")
    func ordering() {
        #expect(VibrationZone.allCases.sorted() == [.a, .b, .c, .d])
        #expect(VibrationZone.c >= .c && VibrationZone.b < .c)
    }

    @Test("boundaries must increase strictly")
    func invalid() {
        #expect(throws: ModelInputError.self) { try VibrationSeverityLimits(zoneAUpper: 2, zoneBUpper: 1.5, zoneCUpper: 4) }
        #expect(throws: ModelInputError.self) { try VibrationSeverityLimits(zoneAUpper: 1, zoneBUpper: 2, zoneCUpper: 2) }
        #expect(throws: ModelInputError.self) { try VibrationSeverityLimits(zoneAUpper: -1, zoneBUpper: 2, zoneCUpper: 3) }
    }
}
