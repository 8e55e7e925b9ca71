import Dispatch
import Foundation

extension IsolationForest {
    /// Scores every row of `data` into `output` (which holds `data.rowCount` values).
    ///
    /// Rows are split into `threads` contiguous ranges; a row's sum runs over the trees in
    /// the same order in every range, so the split cannot change any result.
    func scoreRows(_ data: FeatureMatrix, into output: UnsafeMutableBufferPointer<Double>, threads: Int) {
        let rows = data.rowCount
        let workers = max(1, min(threads, rows / IsolationForestNodes.blockRows))
        let out = UncheckedBuffer(base: output.baseAddress)
        data.values.withUnsafeBufferPointer { values in
            let input = UncheckedInput(base: values.baseAddress)
            if workers == 1 {
                scoreRange(0..<rows, input: input, output: out)
            } else {
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    scoreRange((rows * w / workers)..<(rows * (w + 1) / workers), input: input, output: out)
                }
            }
        }
    }

    private func scoreRange(_ range: Range<Int>, input: UncheckedInput, output: UncheckedBuffer) {
        guard let values = input.base, let out = output.base, !range.isEmpty else { return }
        let columns = columnCount
        let normaliser = self.normaliser
        withUnsafeTemporaryAllocation(of: Float.self, capacity: IsolationForestNodes.blockRows * columns) { block in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: IsolationForestNodes.blockRows) { sums in
                roots.withUnsafeBufferPointer { roots in
                    var start = range.lowerBound
                    while start < range.upperBound {
                        let count = min(IsolationForestNodes.blockRows, range.upperBound - start)
                        let source = values + start * columns
                        for r in 0..<count {
                            for c in 0..<columns { block[c &* IsolationForestNodes.blockRows &+ r] = Float(source[r &* columns &+ c]) }
                        }
                        for i in 0..<count { sums[i] = 0 }
                        if let complete {
                            complete.accumulatePathLengths(block: UnsafePointer(block.baseAddress!), rowCount: count,
                                                           sums: sums.baseAddress!)
                        } else {
                            nodes.accumulatePathLengths(block: UnsafePointer(block.baseAddress!), rowCount: count,
                                                        roots: roots, steps: steps, sums: sums.baseAddress!)
                        }
                        for i in 0..<count { out[start + i] = -exp2(-(sums[i] / normaliser)) }
                        start += count
                    }
                }
            }
        }
    }
}

/// Raw pointers handed to worker threads that write disjoint ranges (hence unchecked).
struct UncheckedBuffer: @unchecked Sendable { let base: UnsafeMutablePointer<Double>? }
struct UncheckedInput: @unchecked Sendable { let base: UnsafePointer<Double>? }
