import ArgumentParser
import Lab

/// The `--max-output-size` of `validate` and `run`: bytes, written as `500M`, `2G`, `1.5T` or a
/// plain number (SI units: k = 10³, M = 10⁶, G = 10⁹, T = 10¹², an optional trailing `B`).
struct OutputSizeLimit: ExpressibleByArgument, Sendable {
    var bytes: Double

    static let standard = OutputSizeLimit(bytes: RunOutputEstimate.defaultLimitBytes)

    init(bytes: Double) { self.bytes = bytes }

    init?(argument: String) {
        var text = argument.uppercased()
        if text.hasSuffix("B") { text.removeLast() }
        let scale: Double
        switch text.last {
        case "K": scale = 1e3
        case "M": scale = 1e6
        case "G": scale = 1e9
        case "T": scale = 1e12
        default: scale = 1
        }
        if scale != 1 { text.removeLast() }
        guard let value = Double(text), value.isFinite, value > 0 else { return nil }
        bytes = value * scale
    }

    var defaultValueDescription: String { RunOutputEstimate.format(bytes) }

    static let help = ArgumentHelp(
        "Refuse a scenario whose run file is estimated larger than this (e.g. 500M, 20G; default 2G).",
        valueName: "size")
}
