import Foundation
import Testing
import TwinModels

@Suite("BOPTEST KPIs (R6)")
struct ClimateKPITests {
    /// R6 series: 0…12 h every 5 min; 19 °C before 2 h, 25.5 °C for 3 h ≤ t < 4 h, 22 °C otherwise.
    static let r6: (t: [Double], temp: [Double]) = {
        var t: [Double] = [], temp: [Double] = []
        for k in 0...144 {
            let h = Double(k) * 5 / 60
            t.append(h)
            temp.append(k < 24 ? 19 : (k >= 36 && k < 48 ? 25.5 : 22))
        }
        return (t, temp)
    }()

    @Test("R6: tdis = 2.458333 K·h (lower 1.958333, upper 0.5)")
    func r6Discomfort() throws {
        let d = try ClimateKPI.thermalDiscomfort(timesHours: Self.r6.t, temperatures: Self.r6.temp, lower: 20, upper: 25)
        #expect(abs(d.belowLower - 1.958333333333) < 1e-9)
        #expect(abs(d.aboveUpper - 0.5) < 1e-9)
        #expect(abs(d.total - 2.458333333333) < 1e-9)
    }

    @Test("R6: constant 10 kW for 24 h on 100 m² gives ener 2.4 kWh m⁻², pele 0.1 kW m⁻²")
    func r6Energy() throws {
        let t = (0...288).map { Double($0) * 5 / 60 }
        let p = [Double](repeating: 10, count: t.count)
        #expect(abs(try ClimateKPI.energyPerArea(timesHours: t, powerKW: p, floorArea: 100) - 2.4) < 1e-9)
        #expect(abs(try ClimateKPI.peakPowerPerArea(timesHours: t, powerKW: p, floorArea: 100) - 0.1) < 1e-12)
    }

    @Test("pele takes the largest 15-minute mean, not the largest sample")
    func peakIsAveraged() throws {
        // 1-minute samples: 10 kW, with one minute at 100 kW and, later, a full 15-minute block at 30 kW.
        var t: [Double] = [], p: [Double] = []
        for m in 0..<120 {
            t.append(Double(m) / 60)
            p.append(m == 7 ? 100 : (m >= 60 && m < 75 ? 30 : 10))
        }
        #expect(abs(try ClimateKPI.peakPowerPerArea(timesHours: t, powerKW: p, floorArea: 1) - 30) < 1e-12)
    }

    @Test("band varying per sample (day/night) and CO₂ above threshold")
    func varyingBandAndCO2() throws {
        let t = [0.0, 1, 2, 3, 4]
        let temp = [21.0, 21, 26, 26, 23]
        let lower = [18.0, 18, 24, 24, 24]  // lights on from 2 h
        let upper = [22.0, 22, 28, 28, 28]
        let d = try ClimateKPI.thermalDiscomfort(timesHours: t, temperatures: temp, lower: lower, upper: upper)
        #expect(abs(d.belowLower - 0.5) < 1e-12)  // only the last interval: (0 + 1)/2
        #expect(d.aboveUpper == 0)
        let co2 = [900.0, 1100, 1300, 1000, 800]
        #expect(abs(try ClimateKPI.co2Discomfort(timesHours: t, ppm: co2, threshold: 1000) - (50 + 200 + 150 + 0)) < 1e-12)
        #expect(throws: ModelInputError.self) {
            try ClimateKPI.thermalDiscomfort(timesHours: [0, 1], temperatures: [20], lower: 18, upper: 22)
        }
        #expect(throws: ModelInputError.self) {
            try ClimateKPI.energyPerArea(timesHours: [1, 0], powerKW: [1, 1], floorArea: 1)
        }
        #expect(throws: ModelInputError.self) {
            try ClimateKPI.energyPerArea(timesHours: [0, 1], powerKW: [1, 1], floorArea: 0)
        }
    }

    @Test("streaming accumulator equals the batch functions")
    func streamingEqualsBatch() throws {
        var t: [Double] = [], temp: [Double] = [], lo: [Double] = [], up: [Double] = []
        var co2: [Double] = [], power: [Double] = []
        for m in 0..<(3 * 1440) where m % 3 != 1 {  // irregular 1–2 minute sampling over three days
            let h = Double(m) / 60
            let on = Photoperiod.flowering.isOn(atHours: h)
            t.append(h)
            temp.append(23 + 4 * sin(Double(m) / 97) + (on ? 1.5 : -1.5))
            lo.append(on ? 24 : 18)
            up.append(on ? 28 : 22)
            co2.append(1000 + 300 * sin(Double(m) / 53))
            power.append((on ? 40 : 8) + 5 * sin(Double(m) / 11))
        }
        var acc = try ClimateKPIAccumulator(floorArea: 120)
        for i in t.indices {
            try acc.addTemperature(atHours: t[i], temperature: temp[i], lower: lo[i], upper: up[i])
            try acc.addCO2(atHours: t[i], ppm: co2[i], threshold: 1200)
            try acc.addPower(atHours: t[i], kW: power[i])
        }
        let tdis = try ClimateKPI.thermalDiscomfort(timesHours: t, temperatures: temp, lower: lo, upper: up)
        #expect(tdis.total > 1 && tdis.belowLower > 0 && tdis.aboveUpper > 0)
        #expect(abs(acc.thermalDiscomfort.belowLower - tdis.belowLower) <= 1e-12 * tdis.total)
        #expect(abs(acc.thermalDiscomfort.aboveUpper - tdis.aboveUpper) <= 1e-12 * tdis.total)
        let idis = try ClimateKPI.co2Discomfort(timesHours: t, ppm: co2, threshold: 1200)
        #expect(idis > 0 && abs(acc.co2Discomfort - idis) <= 1e-12 * idis)
        let ener = try ClimateKPI.energyPerArea(timesHours: t, powerKW: power, floorArea: 120)
        #expect(abs(acc.energyPerArea - ener) <= 1e-12 * ener)
        let pele = try ClimateKPI.peakPowerPerArea(timesHours: t, powerKW: power, floorArea: 120)
        #expect(abs(acc.peakPowerPerArea - pele) <= 1e-12 * pele)
        #expect(throws: ModelInputError.self) { try acc.addPower(atHours: 0, kW: 1) }
    }
}
