import SimKernel

/// A validated scenario: what to simulate, for how long, with which seed, and what to record.
///
/// Written by users as YAML (`schema: twinlab/scenario@1`); see docs/scenario-format.md
/// for every field, its unit and default. Only fully valid files become a `Scenario`.
public struct Scenario: Sendable, Equatable {
    /// The schema identifier this version of TwinLab reads.
    public static let schema = "twinlab/scenario@1"

    /// Short machine-friendly name, used in output file names and the catalog.
    public var id: String
    public var title: String
    /// Master seed of every random stream in the run.
    public var seed: UInt64
    /// Simulated span, hours.
    public var horizonHours: Double
    /// Sampling interval of recorded time series, minutes.
    public var recordingIntervalMinutes: Double
    /// Deflate level of recorded datasets, 0 (off, fastest) to 9 (smallest).
    public var compressionLevel: Int
    /// The time-series channels to record, in file order; nil records them all.
    public var recordedChannels: [String]?
    /// What the run simulates.
    public var model: Model
    /// The file's text exactly as read, stored with every run for provenance.
    public var sourceText: String
    /// The calibration sets the scenario's names were resolved from (`cultivar`, `fixture`),
    /// whole, in the order first used; stored with every run so it reads back without the folder.
    public var calibration: [CalibrationSet] = []
    /// How the streaming detectors scored against ground truth are set up (`detection`).
    public var detection = DetectionSpec()
    /// The overrides (`twinlab run --set`, an experiment's variant) that made `sourceText` from
    /// the scenario file, in order. The text already holds them, so they are provenance: run
    /// files store them beside the text (``ScenarioOverride``).
    public var overrides: [ScenarioEditor.Edit] = []

    /// SHA-256 (hex) of what the scenario means: its text, then for each calibration set in
    /// file-name order a NUL, `calibration/<file>`, a NUL and the set's SHA-256. Without
    /// calibration sets it is the SHA-256 of the scenario file itself (`sha256sum`). Two
    /// scenarios with the same hash and seed give the same run on the same TwinLab version.
    public var contentHash: String {
        var content = sourceText
        for set in calibration.sorted(by: { $0.file < $1.file }) {
            content += "\u{0}calibration/\(set.file)\u{0}\(set.sha256)"
        }
        return SHA256Hash.hex(content)
    }

    /// The simulated system.
    public enum Model: Sendable, Equatable {
        /// Machines failing and queueing for technicians (kernel-only model).
        case machineShop(MachineShopSpec)
        /// Grow rooms with climate, lighting, crops, weather and tariff (the facility twin).
        case facility(FacilitySpec)
        /// The post-harvest processing plant: batches through drying, curing, trimming, packaging.
        case processing(ProcessingSpec)
        /// Machine twins that degrade, fail and are maintained by a crew on shifts.
        case fleet(FleetSpec)

        /// The time-series channels this model can record.
        public var channels: [String] {
            switch self {
            case .machineShop: MachineShopSpec.channels
            case .facility: FacilitySpec.roomChannels
            case .processing: ProcessingSpec.channels
            case .fleet: FleetSpec.machineChannels
            }
        }
    }
}

/// The `machine_shop` section: a fleet served by a crew of technicians.
public struct MachineShopSpec: Sendable, Equatable {
    /// The channels its time series can record (counts, sampled each recording interval).
    public static let channels = ["machines_down", "technicians_busy", "waiting_for_technician"]

    /// Number of machines, 1–100,000.
    public var machines: Int
    /// Number of technicians, 1–10,000.
    public var technicians: Int
    /// Time from (re)start to failure, hours.
    public var timeToFailure: Distribution
    /// Repair duration once a technician starts, hours.
    public var repairTime: Distribution
}
