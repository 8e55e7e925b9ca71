import Foundation
@testable import Experiments

/// The fixtures next to these tests and the repository they sit in.
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// `text` parsed as if it were the file `inline.yaml` in the fixtures folder (relative
    /// scenario paths resolve there).
    static func parse(_ text: String) throws -> ExperimentSpec {
        try ExperimentLoader.parse(text, file: path("inline.yaml"))
    }

    /// The error `body` throws; nil when it throws none or another kind.
    static func error(_ body: () throws -> Any) -> ExperimentError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? ExperimentError
        }
    }
}
