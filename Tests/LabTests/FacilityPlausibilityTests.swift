import Foundation
import Testing
import Scenario
import Lab

/// The complete flower room of the issue (100 m² canopy, 1000 µmol m⁻² s⁻¹ at 2.8 µmol J⁻¹,
/// 12/12, one 60-day cycle) and the whole facility land in the published bands of
/// docs/model-reference.md (§Cannabis, §Energy per gram).
@Suite("Facility plausibility against published bands", .serialized)
struct FacilityPlausibilityTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")

    static func kpis(_ name: String) throws -> [String: Double] {
        let scenario = try ScenarioLoader.load(path: scenarios.appendingPathComponent("\(name).yaml").path)
        let result = try RunPipeline.simulate(scenario)
        return Dictionary(uniqueKeysWithValues: result.kpis.map { ($0.name, $0.value) })
    }

    @Test("flower room: lighting energy exact, yield, HVAC share, transpiration and kWh/g in band")
    func flowerRoom() throws {
        let k = try Self.kpis("flower-room")
        // §3: 1000/2.8 W m⁻² × 12 h × 60 d × 100 m² = 25,714.3 kWh, exactly (lamps never dim here).
        #expect(abs(k["energy_lighting"]! - 25_714.2857) < 0.1)
        // §1.5: 500–750 g m⁻² at PCE 0.25; this room doses CO₂ to 1000–1200 ppm, which the model
        // credits with up to ×1.185 (the light-limited CO₂ factor), so the band's top moves to ≈ 890.
        let yield = k["yield_per_harvest_area_cannabis"]!
        #expect(yield > 500 && yield < 890, "yield \(yield) g/m²")
        // §2.1: HVAC and dehumidification take 0.5–1.0 × the lighting energy.
        let share = k["energy_climate"]! / k["energy_lighting"]!
        #expect(share > 0.5 && share < 1.0, "climate/lighting \(share)")
        // §2.2: 0.226 kg m⁻² h⁻¹ lit at LAI 3 and 0.045 dark; at this canopy's LAI ≈ 4 that is
        // ≈ 12 × 0.30 + 12 × 0.045 ≈ 4.2 kg m⁻² d⁻¹, all of which the room must remove.
        let perDay = k["water_removed"]! / 100 / 60
        #expect(perDay > 2.5 && perDay < 5, "water removed \(perDay) kg/m²/day")
        // §4: flowering lighting alone ≈ 0.40 kWh g⁻¹ at 650 g m⁻²; the flower room with its HVAC
        // sits below the 0.7–1.2 facility band, which also carries veg and propagation rooms.
        let perGram = k["energy_per_gram_cannabis"]!
        #expect(perGram > 0.45 && perGram < 0.9, "\(perGram) kWh/g")
    }

    @Test("whole facility: a year's cannabis kWh per gram near the 0.7–1.2 band of a modern LED facility")
    func wholeFacility() throws {
        let k = try Self.kpis("whole-facility")
        let perGram = k["energy_per_gram_cannabis"]!
        // docs/model-reference.md §Energy per gram derives 0.7–1.2 kWh g⁻¹ at 650 g m⁻²;
        // CO₂ enrichment here lifts yields to ≈ 770 g m⁻² per cycle, which scales the band
        // to ≈ 0.6–1.0.
        #expect(perGram > 0.6 && perGram < 1.2, "\(perGram) kWh/g")
        let harvests = k["harvests_cannabis"]!
        #expect(harvests >= 20 && harvests <= 28)   // 4 flower rooms × ≈ 6 cycles of 60 days
    }
}
