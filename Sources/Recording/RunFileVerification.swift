/// What ``RunFileVerifier`` checked in one file, in order, and the verdict.
public struct RunFileVerification: Sendable {
    /// One check and what it found.
    public struct Check: Sendable, Equatable, Codable {
        /// `HDF5 file`, `TwinLab run file`, `complete`, `datasets` or `output digest`.
        public var name: String
        public var passed: Bool
        /// What was found, e.g. `23 datasets read in full, 23 with Fletcher-32 chunk checksums`.
        public var detail: String

        public init(name: String, passed: Bool, detail: String) {
            self.name = name
            self.passed = passed
            self.detail = detail
        }
    }

    /// The file checked.
    public var path: String
    /// The checks made, in order; checks after a failed one that could not be made are absent.
    public var checks: [Check] = []
    /// Why the file is not intact, or nil when it is.
    public var failure: RunFileIntegrityError?
    /// The content's digest, when every dataset could be read.
    public var digest: OutputDigest?
    /// The `output_digest` the file stores (nil: none).
    public var storedDigest: String?
    /// The file's `status` attribute (empty when absent).
    public var status = ""

    public init(path: String) {
        self.path = path
    }

    /// Whether every check passed.
    public var isIntact: Bool { failure == nil }
}
