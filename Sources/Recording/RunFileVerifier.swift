import Foundation

/// Checks that a file is an intact TwinLab run: HDF5, the run schema, finished, every dataset
/// readable (HDF5 verifies each chunk's Fletcher-32 checksum as it reads), and the content's
/// SHA-256 equal to the `output_digest` stored when the run completed (``OutputDigest``).
///
/// Every command that reads a run file (`verify`, `diff`, `export`) goes through here first,
/// so a changed file is refused with the object at fault instead of being read as different
/// data. The cost is one full read of the file.
public enum RunFileVerifier {
    /// Runs every check and reports them; never throws.
    ///
    /// - Parameter requireComplete: whether an unfinished run (`status = incomplete`, no
    ///   digest yet) fails. Readers that also make sense of a killed run's partial file pass
    ///   false: its datasets are still read and checksum-checked.
    public static func verify(path: String, requireComplete: Bool = true) -> RunFileVerification {
        var result = RunFileVerification(path: path)
        do {
            try check(path: path, requireComplete: requireComplete, into: &result)
        } catch let error as RunFileIntegrityError {
            result.failure = error
            if result.checks.allSatisfy({ $0.passed }) {
                result.checks.append(.init(name: stage(of: error, after: result.checks), passed: false, detail: error.message))
            }
        } catch {
            result.failure = RunFileIntegrityError(.damaged, "'\(path)' cannot be checked", path: path, cause: "\(error)")
        }
        return result
    }

    /// The verification of an intact file; throws the ``RunFileIntegrityError`` otherwise.
    @discardableResult
    public static func requireIntact(path: String, allowIncomplete: Bool = false) throws -> RunFileVerification {
        let result = verify(path: path, requireComplete: !allowIncomplete)
        if let failure = result.failure { throw failure }
        return result
    }

    private static func check(path: String, requireComplete: Bool, into result: inout RunFileVerification) throws {
        let size = try requireHDF5Signature(path)
        let file: HDF5File
        do {
            file = try HDF5File.open(at: path)
        } catch let error as HDF5Error {
            if error.cause.contains("unable to lock the file") {
                throw RunFileIntegrityError(
                    .unreadable, "'\(path)' is held open for writing by another process", path: path, cause: error.cause)
            }
            if error.message.contains("h5clear") {
                // A writer killed while the file was open outside single-writer mode.
                throw RunFileIntegrityError(.incomplete, error.message, path: path, cause: error.cause)
            }
            throw RunFileIntegrityError(
                .damaged, "HDF5 cannot open '\(path)': its superblock or root group is damaged or the file is truncated",
                path: path, object: "/", cause: error.cause)
        }
        result.checks.append(.init(name: "HDF5 file", passed: true, detail: bytes(size)))

        let schema = try rootString("schema", of: file)
        let stored = try rootString(OutputDigest.attributeName, of: file)
        result.storedDigest = stored
        let schemaProblem = schema == RunFileReader.schema ? nil : RunFileIntegrityError(
            .notARunFile, schema.map { "'\(path)' has root attribute schema '\($0)', not '\(RunFileReader.schema)'" }
                ?? "'\(path)' is an HDF5 file without the root attribute schema that run files carry",
            path: path)
        if let schemaProblem {
            // A file that carries a digest is judged by it first: a changed byte in the schema
            // of a real run is damage, not a foreign file.
            guard stored != nil else { throw schemaProblem }
        } else {
            result.checks.append(.init(name: "TwinLab run file", passed: true, detail: describe(file, schema: RunFileReader.schema)))
        }

        let status = try rootString("status", of: file) ?? ""
        result.status = status
        var unfinished: RunFileIntegrityError?
        switch status {
        case "complete":
            result.checks.append(.init(name: "complete", passed: true, detail: "status complete"))
        case "incomplete":
            result.checks.append(.init(name: "complete", passed: !requireComplete, detail: "status incomplete"))
            if requireComplete {
                unfinished = RunFileIntegrityError(
                    .incomplete, "'\(path)' has status incomplete: the run did not finish (killed, failed or still "
                        + "running); it holds what was flushed and has no output digest", path: path)
            }
        default:
            throw RunFileIntegrityError(
                .damaged, "'\(path)' has status '\(status)', neither complete nor incomplete", path: path, object: "/")
        }

        let digest = try OutputDigest.compute(of: file)
        result.digest = digest
        result.checks.append(.init(
            name: "datasets", passed: true,
            detail: "\(digest.datasets) read in full (\(bytes(digest.dataBytes)) of values), \(digest.checksummedDatasets) "
                + "with Fletcher-32 chunk checksums"))
        if let stored, stored != digest.hex {
            throw RunFileIntegrityError(
                .digestMismatch, "the content of '\(path)' has SHA-256 \(digest.hex), but its output_digest says \(stored): "
                    + "an attribute or value changed after the run completed", path: path)
        }
        if let schemaProblem {
            result.checks.append(.init(name: "TwinLab run file", passed: false, detail: schemaProblem.message))
            throw schemaProblem
        }
        if let unfinished { throw unfinished }
        guard let stored else {
            if status == "complete" {
                throw RunFileIntegrityError(
                    .digestMissing, "'\(path)' is a finished run without output_digest: written by a TwinLab before "
                        + "digests were stored, or its root attributes were changed; rerun the scenario for a file "
                        + "that can be verified", path: path, object: "/")
            }
            result.checks.append(.init(name: "output digest", passed: true, detail: "none yet (unfinished run)"))
            return
        }
        result.checks.append(.init(name: "output digest", passed: true, detail: "sha256 \(stored) matches the content"))
    }

    /// The check a failure that recorded none belongs to.
    private static func stage(of error: RunFileIntegrityError, after checks: [RunFileVerification.Check]) -> String {
        switch error.code {
        case .unreadable, .notHDF5: "HDF5 file"
        case .damaged:
            switch checks.last?.name {
            case nil: "HDF5 file"
            case "HDF5 file": "TwinLab run file"
            case "TwinLab run file": "complete"
            default: "datasets"
            }
        case .notARunFile: "TwinLab run file"
        case .incomplete: "complete"
        case .checksum: "datasets"
        case .digestMissing, .digestMismatch: "output digest"
        }
    }

    /// The file's size, after checking it exists and starts with HDF5's signature (at byte 0,
    /// or at 512, 1024, 2048 … after a user block).
    private static func requireHDF5Signature(_ path: String) throws -> Int {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw RunFileIntegrityError(.unreadable, "no file '\(path)'", path: path)
        }
        guard !isFolder.boolValue else {
            throw RunFileIntegrityError(.unreadable, "'\(path)' is a folder, not a run file", path: path)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RunFileIntegrityError(.unreadable, "'\(path)' cannot be opened for reading (permissions?)", path: path)
        }
        defer { try? handle.close() }
        let size = Int((try? handle.seekToEnd()) ?? 0)
        guard size > 0 else {
            throw RunFileIntegrityError(.notHDF5, "'\(path)' is empty (0 bytes)", path: path)
        }
        let signature: [UInt8] = [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]
        var offset = 0
        while offset + signature.count <= size {
            try? handle.seek(toOffset: UInt64(offset))
            if let head = try? handle.read(upToCount: signature.count), Array(head) == signature { return size }
            offset = offset == 0 ? 512 : offset * 2
        }
        throw RunFileIntegrityError(.notHDF5, "'\(path)' is not an HDF5 file (no HDF5 signature)", path: path)
    }

    /// A root string attribute, nil when absent; a damaged or mistyped one is damage.
    private static func rootString(_ name: String, of file: HDF5File) throws -> String? {
        do {
            guard try file.hasAttribute(name) else { return nil }
            return try file.stringAttribute(name)
        } catch let error as HDF5Error {
            throw RunFileIntegrityError(
                .damaged, "root attribute '\(name)' of '\(file.path)' cannot be read as text: \(error.message)",
                path: file.path, object: "/", cause: error.cause)
        }
    }

    private static func describe(_ file: HDF5File, schema: String) -> String {
        let text = { (name: String) in (try? file.stringAttribute(name)) ?? "?" }
        return "schema \(schema), \(text("run_kind")) run of '\(text("scenario_id"))' seed \(text("seed")), "
            + "TwinLab \(text("twinlab_version"))"
    }

    /// A byte count for people: `812 B`, `3.4 kB`, `12.1 MB`, `1.2 GB`.
    static func bytes(_ count: Int) -> String {
        let units = ["B", "kB", "MB", "GB", "TB"]
        var value = Double(count)
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(count) B" : String(format: "%.1f", value) + " " + units[unit]
    }
}
