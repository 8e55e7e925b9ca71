import Testing
@testable import Control

/// The baseline grade predictor learns a separable rule, is deterministic, and clips extrapolation.
@Suite("Grade predictor")
struct GradePredictorTests {
    /// Two features; class = 0 when x0 < 0.4, 1 when < 0.7, else 2; x1 is noise.
    static func data(count: Int, seed: UInt64) -> (rows: [[Double]], labels: [Int]) {
        var state = seed
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var rows: [[Double]] = [], labels: [Int] = []
        for _ in 0..<count {
            let x = uniform(), noise = uniform()
            rows.append([x, noise])
            labels.append(x < 0.4 ? 0 : x < 0.7 ? 1 : 2)
        }
        return (rows, labels)
    }

    @Test("learns a three-class threshold rule to ≥ 90 % on fresh data")
    func learns() {
        let train = Self.data(count: 300, seed: 1), test = Self.data(count: 300, seed: 2)
        var model = GradePredictor(featureCount: 2, classes: 3)
        model.train(rows: train.rows, labels: train.labels, epochs: 2000, learningRate: 1, l2: 0)
        let correct = zip(test.rows, test.labels).filter { model.predict($0) == $1 }.count
        #expect(Double(correct) / 300 >= 0.9)
        let p = model.probabilities([0.1, 0.5])
        #expect(abs(p.reduce(0, +) - 1) < 1e-12 && p[0] > 0.5)
    }

    @Test("training is deterministic; an untrained model predicts class 0 with equal probabilities")
    func deterministic() {
        let train = Self.data(count: 100, seed: 3)
        var a = GradePredictor(featureCount: 2, classes: 3), b = a
        a.train(rows: train.rows, labels: train.labels)
        b.train(rows: train.rows, labels: train.labels)
        #expect(a == b)
        let blank = GradePredictor(featureCount: 2, classes: 3)
        #expect(blank.predict([5, 5]) == 0)
        #expect(blank.probabilities([1, 2]).allSatisfy { abs($0 - 1.0 / 3) < 1e-12 })
    }

    @Test("a feature far outside the training range is clipped: predictions stop changing")
    func clipping() {
        let train = Self.data(count: 200, seed: 4)
        var model = GradePredictor(featureCount: 2, classes: 3)
        model.train(rows: train.rows, labels: train.labels)
        #expect(model.probabilities([50, 0.5]) == model.probabilities([500, 0.5]))
    }
}
