import Testing
import Experiments

/// The table of KPI directions and its default.
@Suite("Response direction")
struct ResponseDirectionTests {
    @Test("yields and availability are higher-is-better; costs, energy, discomfort and losses lower")
    func table() {
        for name in ["yield_kg", "yield_cannabis", "availability", "grams_per_kwh_room", "detection_f1_cusum"] {
            #expect(ResponseDirection.standard(for: name) == (.higherIsBetter, .table), "\(name)")
        }
        for name in ["energy_cost", "energy_total", "temperature_discomfort", "yield_lost_to_stress_cannabis",
                     "cost_per_gram_cannabis", "maintenance_cost", "mean_wait_for_technician"] {
            #expect(ResponseDirection.standard(for: name) == (.lowerIsBetter, .table), "\(name)")
        }
    }

    @Test("a name the table does not know is lower-is-better, marked as the default")
    func unknownDefaultsToLower() {
        #expect(ResponseDirection.standard(for: "technician_utilisation") == (.lowerIsBetter, .default))
    }
}
