import Control
import TwinModels
import Scenario

/// The quality predictor in the loop: collects graded batches until the training day,
/// trains a `GradePredictor` once, then predicts every later batch and tracks the rolling
/// accuracy; a fall of more than `retrainDrop` below the first full window flags retraining.
struct QualityMonitor {
    let spec: PredictionSpec
    private(set) var predictor = GradePredictor(featureCount: ProcessingPlant.featureNames.count,
                                                classes: LabGrade.allCases.count)
    private(set) var trained = false
    private var rows: [[Double]] = []
    private var labels: [Int] = []
    private var rolling: RollingAccuracy
    /// Batches used for training.
    private(set) var trainingCount = 0
    /// Rolling accuracy of the first full window after training; nil until then.
    private(set) var initialAccuracy: Double?
    private(set) var lowestAccuracy: Double?
    private(set) var latestAccuracy = Double.nan
    /// First day the rolling accuracy fell below (1 − retrainDrop) × initial.
    private(set) var retrainDay: Double?
    /// (day, accuracy) of every daily evaluation after training.
    private(set) var history: [(day: Double, accuracy: Double)] = []

    init(spec: PredictionSpec) {
        self.spec = spec
        rolling = RollingAccuracy(windowDays: spec.windowDays)
    }

    /// Takes one graded batch; returns the prediction made for it (nil while collecting training data).
    mutating func graded(features: [Double], grade: Int, atDays days: Double) -> Int? {
        if !trained && days < spec.trainingDays {
            rows.append(features)
            labels.append(grade)
            return nil
        }
        trainIfNeeded()
        let predicted = predictor.predict(features)
        rolling.add(atDays: days, correct: predicted == grade)
        return predicted
    }

    private mutating func trainIfNeeded() {
        guard !trained else { return }
        predictor.train(rows: rows, labels: labels)
        trainingCount = rows.count
        trained = true
    }

    /// Evaluates the rolling accuracy at `days` (called once a day).
    mutating func evaluate(atDays days: Double) {
        guard days >= spec.trainingDays else { return }
        trainIfNeeded()
        guard let accuracy = rolling.accuracy(atDays: days) else { latestAccuracy = .nan; return }
        latestAccuracy = accuracy
        history.append((days, accuracy))
        guard days >= spec.trainingDays + spec.windowDays - 1e-9 else { return }
        guard let initial = initialAccuracy else { initialAccuracy = accuracy; lowestAccuracy = accuracy; return }
        lowestAccuracy = min(lowestAccuracy ?? accuracy, accuracy)
        if retrainDay == nil, accuracy < initial * (1 - spec.retrainDrop) { retrainDay = days }
    }

    /// Relative fall from the initial to the lowest rolling accuracy (0 when not yet known).
    var accuracyDrop: Double {
        guard let initial = initialAccuracy, let lowest = lowestAccuracy, initial > 0 else { return 0 }
        return (initial - lowest) / initial
    }
}
