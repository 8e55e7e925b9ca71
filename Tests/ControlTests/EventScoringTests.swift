import Control
import Testing
import TwinModels

@Suite("Event scoring: detection delay and false alarms")
struct EventScoringTests {
    /// 20 samples one minute apart (t = 0, 60, …, 1140 s).
    static let times = (0..<20).map { Double($0) * 60 }

    @Test("hand-built sequence: delays, misses and false alarms per day")
    func handBuilt() throws {
        // Bearing fault over samples 5…9, overheating over 14…16, a second bearing fault 18…19.
        let episodes = [
            try FaultEpisode(faultType: "worn_bearings", onset: 300, end: 540),
            try FaultEpisode(faultType: "overheated", onset: 840, end: 960),
            try FaultEpisode(faultType: "worn_bearings", onset: 1080, end: 1140),
        ]
        var alarms = [Bool](repeating: false, count: 20)
        for i in [1, 2] { alarms[i] = true }         // false alarm run 1 (2 samples)
        for i in [7, 8, 9, 10] { alarms[i] = true }  // bearing fault caught at 420 s; 600 s spills past the end
        alarms[12] = true                            // false alarm run 2
        // the overheating (14…16) is missed; the last bearing fault is caught at once:
        alarms[18] = true
        let score = try EventScoring.evaluate(alarms: alarms, times: Self.times, episodes: episodes)
        #expect(score.outcomes.map(\.delay) == [120, nil, 0])
        // Sample 10 continues a run that began inside the window, so it is not a new false alarm.
        #expect(score.falseAlarms == 2)
        // Excused samples: 5…9, 14…16, 18…19 = 10 samples; the other 10 stand for 60 s each.
        #expect(score.faultFreeSeconds == 600)
        #expect(score.falseAlarmsPerDay == 2 / (600.0 / 86_400))
        #expect(abs(score.detectionRate - 2.0 / 3) < 1e-15)
        #expect(score.meanDelay == 60)
        let byType = score.byFaultType
        #expect(byType.map(\.faultType) == ["overheated", "worn_bearings"])
        #expect(byType.map(\.episodes) == [1, 2] && byType.map(\.detected) == [0, 2])
        #expect(byType.map(\.detectionRate) == [0, 1])
        #expect(byType[0].meanDelay == nil && byType[1].meanDelay == 60 && byType[1].maxDelay == 120)
    }

    @Test("a grace period after the fault end excuses recovery alarms")
    func grace() throws {
        let episode = try FaultEpisode(faultType: "overheated", onset: 300, end: 420)
        var alarms = [Bool](repeating: false, count: 20)
        alarms[9] = true  // 540 s: 120 s after the end
        let strict = try EventScoring.evaluate(alarms: alarms, times: Self.times, episodes: [episode])
        let lenient = try EventScoring.evaluate(alarms: alarms, times: Self.times, episodes: [episode], grace: 180)
        #expect(strict.falseAlarms == 1 && lenient.falseAlarms == 0)
        #expect(strict.outcomes[0].isDetected == false)
        #expect(strict.faultFreeSeconds == 17 * 60 && lenient.faultFreeSeconds == 14 * 60)
    }

    @Test("bad inputs throw")
    func validation() throws {
        #expect(throws: ModelInputError.self) { try FaultEpisode(faultType: "x", onset: 10, end: 5) }
        #expect(throws: ModelInputError.self) {
            try EventScoring.evaluate(alarms: [false, false], times: [0, 0], episodes: [])
        }
        #expect(throws: ModelInputError.self) { try EventScoring.evaluate(alarms: [false], times: [0, 1], episodes: []) }
        #expect(throws: ModelInputError.self) {
            try EventScoring.evaluate(alarms: [false], times: [0], episodes: [], grace: -1)
        }
    }
}
