import Foundation

/// A baseline quality predictor: multinomial logistic (softmax) regression from a batch's
/// process features to its lab grade class.
///
/// Features are standardised with the training set's mean and standard deviation; weights
/// are fitted by full-batch gradient descent on the L2-regularised cross-entropy
/// (Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning*, 2nd ed., §4.4),
/// starting from zero, for a fixed number of epochs — deterministic, no randomness. It is
/// the "documents' quality predictor" in its simplest honest form: trained once on the
/// first weeks of a plant's results and then left alone, so drifting process conditions
/// show up as falling accuracy.
///
/// Inputs: rows of `featureCount` finite numbers; class labels 0..<classes.
/// Output: predicted class index and class probabilities.
public struct GradePredictor: Sendable, Equatable {
    public let featureCount: Int
    public let classes: Int
    /// Per-feature mean and standard deviation of the training set.
    public private(set) var mean: [Double]
    public private(set) var scale: [Double]
    /// Row-major weights, `classes × (featureCount + 1)` (bias last).
    public private(set) var weights: [Double]

    /// An untrained predictor (all classes equally likely).
    public init(featureCount: Int, classes: Int) {
        self.featureCount = featureCount
        self.classes = classes
        mean = Array(repeating: 0, count: featureCount)
        scale = Array(repeating: 1, count: featureCount)
        weights = Array(repeating: 0, count: classes * (featureCount + 1))
    }

    /// Fits the model to `rows` (each `featureCount` long) and their `labels`.
    ///
    /// - Parameters:
    ///   - epochs: gradient-descent iterations (default 500).
    ///   - learningRate: step size on standardised features (default 0.5).
    ///   - l2: ridge penalty per weight (default 0.01).
    public mutating func train(rows: [[Double]], labels: [Int], epochs: Int = 500, learningRate: Double = 0.5,
                               l2: Double = 0.01) {
        let n = rows.count
        guard n > 0 else { return }
        for j in 0..<featureCount {
            let values = rows.map { $0[j] }
            let m = values.reduce(0, +) / Double(n)
            let variance = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(n)
            mean[j] = m
            scale[j] = variance > 1e-12 ? variance.squareRoot() : 1
        }
        let x = rows.map(standardise)
        let width = featureCount + 1
        var gradient = Array(repeating: 0.0, count: weights.count)
        var p = Array(repeating: 0.0, count: classes)
        for _ in 0..<epochs {
            for i in gradient.indices { gradient[i] = 0 }
            for (row, label) in zip(x, labels) {
                probabilities(standardised: row, into: &p)
                for k in 0..<classes {
                    let error = p[k] - (k == label ? 1 : 0)
                    for j in 0..<featureCount { gradient[k * width + j] += error * row[j] }
                    gradient[k * width + featureCount] += error
                }
            }
            for i in weights.indices {
                let isBias = i % width == featureCount
                weights[i] -= learningRate * (gradient[i] / Double(n) + (isBias ? 0 : l2 * weights[i]))
            }
        }
    }

    /// Standardised values are clipped to ±`clip`, so a feature that hardly varied in
    /// training (a dried-to-target moisture) cannot swamp the others once it moves.
    public static let clip = 4.0

    private func standardise(_ row: [Double]) -> [Double] {
        (0..<featureCount).map { min(Self.clip, max(-Self.clip, (row[$0] - mean[$0]) / scale[$0])) }
    }

    private func probabilities(standardised row: [Double], into p: inout [Double]) {
        let width = featureCount + 1
        var largest = -Double.infinity
        for k in 0..<classes {
            var z = weights[k * width + featureCount]
            for j in 0..<featureCount { z += weights[k * width + j] * row[j] }
            p[k] = z
            largest = max(largest, z)
        }
        var total = 0.0
        for k in 0..<classes { p[k] = exp(p[k] - largest); total += p[k] }
        for k in 0..<classes { p[k] /= total }
    }

    /// Class probabilities of one feature row.
    public func probabilities(_ row: [Double]) -> [Double] {
        var p = Array(repeating: 0.0, count: classes)
        probabilities(standardised: standardise(row), into: &p)
        return p
    }

    /// The most probable class of one feature row (lowest index among ties).
    public func predict(_ row: [Double]) -> Int {
        let p = probabilities(row)
        var best = 0
        for k in 1..<classes where p[k] > p[best] { best = k }
        return best
    }
}
