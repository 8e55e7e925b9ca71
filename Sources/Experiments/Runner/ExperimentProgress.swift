/// How far an experiment run is: done and failed runs of the total, and the time to go.
public struct ExperimentProgress: Sendable {
    public var total: Int
    public var done: Int
    public var failed: Int
    /// Estimated seconds left, from the pace of the runs so far (nil before the first).
    public var secondsLeft: Double?

    public init(total: Int, results: [CellResult], elapsed: Duration) {
        self.total = total
        done = results.count
        failed = results.filter { $0.status == .failed }.count
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        secondsLeft = done > 0 ? seconds / Double(done) * Double(total - done) : nil
    }

    /// `[#####.....] 12/40 runs, 1 failed, ETA 3 min 20 s`
    public var line: String {
        let filled = total > 0 ? done * 30 / total : 30
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
        let eta = secondsLeft.map { seconds -> String in
            let whole = Int(seconds.rounded())
            return whole >= 60 ? ", ETA \(whole / 60) min \(whole % 60) s" : ", ETA \(whole) s"
        } ?? ""
        return "[\(bar)] \(done)/\(total) runs" + (failed > 0 ? ", \(failed) failed" : "") + eta
    }
}
