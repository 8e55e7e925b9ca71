/// A one-line progress bar on standard error, redrawn at most every whole percent.
final class ProgressBar: @unchecked Sendable {
    let enabled: Bool
    var shown = -1

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ fraction: Double) {
        guard enabled else { return }
        let percent = Int((min(max(fraction, 0), 1) * 100).rounded(.down))
        guard percent != shown else { return }
        shown = percent
        let filled = percent * 30 / 100
        Terminal.errorInline("\r[" + String(repeating: "#", count: filled)
            + String(repeating: ".", count: 30 - filled) + "] \(percent)%")
    }

    func finish() {
        if enabled && shown >= 0 { Terminal.errorInline("\r" + String(repeating: " ", count: 40) + "\r") }
    }
}
