import Foundation
import Testing

/// TwinLab as other projects use it: a dependency resolved by version from a git URL.
///
/// SwiftPM refuses a package resolved by version if a target of a product the dependant uses
/// has `unsafeFlags`, so this builds a real consumer package against a tagged clone and runs it.
///
/// The clone is of the repository's **HEAD commit**: committed content only. Uncommitted edits
/// (to Package.swift or anything else) are not what the consumer sees; commit them first.
/// The consumer builds the `TwinLab` product (with Yams and GRDB) in debug without debug
/// information in its own scratch directory: about 80 s on two busy cores.
@Suite("TwinLab as a versioned package dependency")
struct VersionDependencyTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let tag = "99.0.0"

    /// What a finished subprocess returned; its output is in `log`.
    struct Finished { var status: Int32; var log: String }

    /// Runs `command` (found on PATH) in `directory` with `environment`, stdout and stderr
    /// into one file, so that a chatty build cannot block on a full pipe.
    static func run(_ command: [String], in directory: URL, environment: [String: String]) throws -> Finished {
        let logURL = FileManager.default.temporaryDirectory.appendingPathComponent("twinlab-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        defer { try? FileManager.default.removeItem(at: logURL) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try log.close()
        let text = try String(contentsOf: logURL, encoding: .utf8)
        return Finished(status: process.terminationStatus, log: text)
    }

    /// The consumer's manifest: one executable using the `TwinLab` product at `from: tag`.
    static func manifest(clone: URL) -> String {
        """
        // swift-tools-version:6.0
        import PackageDescription

        let package = Package(
            name: "TwinLabConsumer",
            platforms: [.macOS(.v14)],
            dependencies: [
                .package(url: "\(clone.absoluteString)", from: "\(tag)"),
            ],
            targets: [
                .executableTarget(name: "consumer", dependencies: [
                    .product(name: "TwinLab", package: "twinlab"),
                ]),
            ]
        )

        """
    }

    /// The consumer's program: a day of a shipped facility scenario in memory (rooms, crops,
    /// controllers: the TwinModels, Control and Lab targets), then the reference factory.
    static let program = """
        import Lab
        import Scenario

        let scenario = try ScenarioLoader.load(path: CommandLine.arguments[1])
        let day = try RunPipeline.simulate(scenario, horizonHours: 24)
        print("facility events \\(day.events) fingerprint \\(day.fingerprint)")
        var shop = MachineRepairShop()
        shop.horizonHours = 2_000
        let outcome = try shop.run()
        print("factory failures \\(outcome.failures) availability \\(outcome.availability)")

        """

    @Test("a package depending on TwinLab by version from a tagged clone builds and runs",
          .timeLimit(.minutes(30)))
    func consumerBuildsAgainstATaggedClone() throws {
        let work = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("twinlab-consumer-\(UUID().uuidString)")
        let home = work.appendingPathComponent("home"), clone = work.appendingPathComponent("twinlab")
        let consumer = work.appendingPathComponent("consumer")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: consumer.appendingPathComponent("Sources/consumer"),
                                                withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        // A fresh HOME (and XDG directories) so that no user-level SwiftPM cache, mirror or
        // git setting takes part. The system git configuration still applies: on CI it maps
        // https://github.com/ to a local mirror, which is how TwinLab's own dependencies resolve.
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment["XDG_CACHE_HOME"] = home.appendingPathComponent(".cache").path
        environment["XDG_CONFIG_HOME"] = home.appendingPathComponent(".config").path
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_AUTHOR_NAME"] = "TwinLab tests"
        environment["GIT_AUTHOR_EMAIL"] = "tests@twinlab.invalid"
        environment["GIT_COMMITTER_NAME"] = "TwinLab tests"
        environment["GIT_COMMITTER_EMAIL"] = "tests@twinlab.invalid"

        let head = try Self.run(["git", "-C", Self.repository.path, "rev-parse", "--verify", "HEAD"], in: work,
                                environment: environment)
        try #require(head.status == 0, "\(Self.repository.path) is not a git checkout: \(head.log)")
        let commit = head.log.trimmingCharacters(in: .whitespacesAndNewlines)
        // No tags from the repository: the consumer's `from:` range must resolve to this one.
        let cloned = try Self.run(["git", "clone", "--quiet", "--no-tags", "--no-checkout", Self.repository.path,
                                   clone.path], in: work, environment: environment)
        try #require(cloned.status == 0, "git clone failed: \(cloned.log)")
        let tagged = try Self.run(["git", "-C", clone.path, "tag", Self.tag, commit], in: work, environment: environment)
        try #require(tagged.status == 0, "git tag failed: \(tagged.log)")
        let checkout = try Self.run(["git", "-C", clone.path, "checkout", "--quiet", "--detach", Self.tag], in: work,
                                    environment: environment)
        try #require(checkout.status == 0, "git checkout failed: \(checkout.log)")

        try Self.manifest(clone: clone).write(to: consumer.appendingPathComponent("Package.swift"), atomically: true,
                                              encoding: .utf8)
        try Self.program.write(to: consumer.appendingPathComponent("Sources/consumer/main.swift"), atomically: true,
                               encoding: .utf8)
        // Without debug information: the consumer builds in about 60 % of the time.
        let build = try Self.run(["swift", "build", "--product", "consumer", "-Xswiftc", "-gnone"], in: consumer,
                                 environment: environment)
        try #require(build.status == 0, "swift build of the consumer failed:\n\(build.log.suffix(4_000))")
        #expect(!build.log.contains("unsafe build flags"))

        let scenario = clone.appendingPathComponent("scenarios/whole-facility.yaml").path
        let ran = try Self.run([".build/debug/consumer", scenario], in: consumer, environment: environment)
        #expect(ran.status == 0, "the consumer failed:\n\(ran.log)")
        let facility = try #require(ran.log.split(separator: "\n").first { $0.hasPrefix("facility events ") },
                                    "no facility line in:\n\(ran.log)")
        let fields = facility.split(separator: " ")
        #expect((Int(fields[2]) ?? 0) > 0, "\(facility)")
        #expect(fields.count == 5 && fields[4].count == 16 && fields[4].allSatisfy(\.isHexDigit), "\(facility)")
        #expect(ran.log.contains("factory failures "), "\(ran.log)")
    }
}
