import Foundation
import Recording

/// What `twinlab verify` does: check run files and say what was checked.
public struct VerifyAction: Sendable {
    public var paths: [String]
    public var json = false

    public init(paths: [String]) { self.paths = paths }

    /// `.success` when every file is an intact, finished run; `.unusableRun` when one is not a
    /// TwinLab run, unfinished or fails a check; `.ioError` when the only failures are files
    /// that cannot be read at all.
    public func execute(out: (String) -> Void, err: (String) -> Void) -> ExitStatus {
        var reports: [Report] = []
        var status = ExitStatus.success
        for path in paths {
            let started = ContinuousClock.now
            let verification = RunFileVerifier.verify(path: path)
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            reports.append(Report(verification, seconds: seconds))
            if let failure = verification.failure {
                if !json { err("error: \(failure)") }
                let failed = ExitStatus.readingRun(failure)
                if status == .success || failed == .unusableRun { status = failed }
            }
            if !json { out(Self.text(verification, seconds: seconds)) }
        }
        if json { out(JSONOutput.encode(reports)) }
        return status
    }

    /// The checks of one file as aligned lines, then the verdict.
    static func text(_ verification: RunFileVerification, seconds: Double) -> String {
        let width = verification.checks.map(\.name.count).max() ?? 0
        var lines = [verification.path]
        for check in verification.checks {
            let name = check.name.padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append("  \(check.passed ? "ok  " : "FAIL")  \(name)  \(check.detail)")
        }
        let verdict = verification.failure.map { $0.verdict } ?? "intact"
        lines.append(verdict + String(format: " (%.2f s)", seconds))
        return lines.joined(separator: "\n")
    }

    /// One file's result for `--json`.
    struct Report: Encodable {
        var path: String
        var intact: Bool
        var status: String
        var checks: [RunFileVerification.Check]
        var outputDigest: String?
        var contentDigest: String?
        var seconds: Double
        var failure: Failure?

        struct Failure: Encodable {
            /// `integrity check failed`, `not a TwinLab run`, `incomplete run` or `cannot read the run file`.
            var verdict: String
            var code: String
            var object: String?
            var message: String
        }

        init(_ verification: RunFileVerification, seconds: Double) {
            path = verification.path
            intact = verification.isIntact
            status = verification.status
            checks = verification.checks
            outputDigest = verification.storedDigest
            contentDigest = verification.digest?.hex
            self.seconds = seconds
            failure = verification.failure.map {
                Failure(verdict: $0.verdict, code: $0.code.rawValue, object: $0.object, message: "\($0)")
            }
        }

        enum CodingKeys: String, CodingKey {
            case path, intact, status, checks, seconds, failure
            case outputDigest = "output_digest", contentDigest = "content_digest"
        }
    }
}
