import ArgumentParser

extension TwinLabCommand {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that run files are intact; exit 6 when one is not.",
            discussion: """
                For each file: an HDF5 file, a TwinLab run (root attribute schema), complete (status), \
                every dataset read in full with HDF5's Fletcher-32 chunk checksums, and the SHA-256 of \
                the content equal to the output_digest stored when the run completed. Prints each check; \
                a failure says "integrity check failed:" and names the dataset or attribute at fault, \
                "not a TwinLab run:" for a foreign file, "incomplete run:" for a run that never finished \
                (all exit 6). A file that cannot be read at all (missing, no permission) exits 4.
                """)

        @Argument(help: "One or more run files (.h5).")
        var runFiles: [String]
        @Flag(help: "Print JSON: one object per file with its checks and digests.")
        var json = false

        func run() throws {
            var action = VerifyAction(paths: runFiles)
            action.json = json
            let status = action.execute(out: { print($0) }, err: { Terminal.error($0) })
            if status != .success { throw status.exitCode }
        }
    }
}
