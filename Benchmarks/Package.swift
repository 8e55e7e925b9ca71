// swift-tools-version:6.0
// TwinLab kernel benchmarks: the SimPy reference models and the hold-model floor,
// built in release against the main package. Run ./run-kernel-benchmarks.sh.
import Foundation
import PackageDescription

// A path dependency's identity is its directory name, so derive it rather than
// assume the checkout is called "main".
let mainPackage = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "TwinLabBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        // Defines malloc & co. in the executable so every allocation of the process is counted.
        .target(name: "CAllocCounter"),
        // The plain-C HDF5 writer the recorder benchmark compares with.
        .target(name: "CRawHDF5", linkerSettings: [.linkedLibrary("hdf5_serial")]),
        .executableTarget(
            name: "twinlab-bench",
            dependencies: [
                "CAllocCounter",
                "CRawHDF5",
                .product(name: "TwinLab", package: mainPackage),
                .product(name: "SimKernel", package: mainPackage),
            ],
            // The executable must export its malloc so shared libraries (libswiftCore,
            // libc itself) bind to it instead of glibc's; ld only exports executable
            // symbols that some linked library references, so say it explicitly.
            linkerSettings: [
                .unsafeFlags(["-Xlinker", "--export-dynamic"], .when(platforms: [.linux])),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
