// swift-tools-version:6.0
// TwinLab: a deterministic discrete-event simulation and digital-twin lab for
// controlled-environment cultivation facilities. See README.md and docs/.
import PackageDescription

let package = Package(
    name: "TwinLab",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "SimKernel", targets: ["SimKernel"]),
        .library(name: "TwinLab", targets: [
            "SimKernel", "TwinModels", "Control", "Scenario", "Lab", "Recording", "Catalog", "Reports", "Experiments",
        ]),
        .executable(name: "twinlab", targets: ["twinlab"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // SHA-256 of whole run files (output digests) and of scenario text, at hardware speed.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // System libraries from Debian's -dev packages; the module maps carry the
        // include paths and link names, so no pkg-config is needed.
        .systemLibrary(name: "CHDF5", providers: [.apt(["libhdf5-dev"])]),
        .systemLibrary(name: "CGSL", providers: [.apt(["libgsl-dev"])]),

        // Simulation core and models (no I/O).
        .target(name: "SimKernel", dependencies: ["CGSL"]),
        // No unsafeFlags anywhere: SwiftPM refuses them in a package resolved by version, so a
        // flag here would stop anyone depending on TwinLab with `.package(url:from:)`. The hot
        // class properties are `@exclusivity(unchecked)` in the source instead.
        .target(name: "TwinModels", dependencies: ["SimKernel", "CGSL"]),
        .target(name: "Control", dependencies: ["SimKernel", "TwinModels"]),

        // Files users touch.
        .target(name: "Scenario", dependencies: [
            "TwinModels", "Control", .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "Recording", dependencies: ["SimKernel", "CHDF5", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Catalog", dependencies: ["Recording", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Reports", dependencies: ["Catalog", "Recording"]),

        // Composition root and command line.
        .target(name: "Lab", dependencies: [
            "SimKernel", "TwinModels", "Control", "Scenario", "Recording", "Catalog",
        ]),
        // Experiments: variants and designs over a scenario, replications with common random
        // numbers, and their statistics.
        .target(name: "Experiments", dependencies: ["Scenario", "Lab", "Recording", "Catalog", "CGSL"]),
        .target(name: "TwinLabCLI", dependencies: [
            "Lab", "Reports", "Experiments", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "twinlab", dependencies: ["TwinLabCLI"]),

        // Tests: one target per module.
        .testTarget(name: "SimKernelTests", dependencies: ["SimKernel"], resources: [.copy("Golden")]),
        .testTarget(name: "TwinModelsTests", dependencies: ["TwinModels"], resources: [.copy("Golden")]),
        // Helpers several test targets share (the stand-in LLM server, the checks' Python).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ControlTests", dependencies: ["Control", "TestSupport"]),
        .testTarget(name: "ScenarioTests", dependencies: ["Scenario"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RecordingTests", dependencies: ["Recording", "SimKernel", "TestSupport"]),
        .testTarget(name: "CatalogTests", dependencies: ["Catalog"]),
        .testTarget(name: "LabTests", dependencies: ["Lab", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports"]),
        .testTarget(name: "TwinLabCLITests", dependencies: ["TwinLabCLI", "TestSupport"]),
        // Fixtures are read from the source tree: their scenario paths lead into the repository.
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "TestSupport"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
