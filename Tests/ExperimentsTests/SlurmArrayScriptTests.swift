import Testing
@testable import Experiments

/// The job-array script `twinlab experiment sbatch` prints. (ExperimentSlurmTests submits it to a real Slurm.)
@Suite("Slurm array script")
struct SlurmArrayScriptTests {
    @Test("array range with throttle, one shard per task, quoted paths, the log folder and HDF5 locking off")
    func text() {
        let script = SlurmArrayScript(experimentPath: "/data/it's.yaml", experimentID: "crew", folder: "/shared/crew",
                                      tasks: 8, throttle: 3, cpusPerTask: 2, executable: "/opt/twinlab/bin/twinlab")
        let text = script.text
        #expect(text.hasPrefix("#!/bin/bash\n"))
        #expect(text.contains("#SBATCH --array=0-7%3\n"))
        #expect(text.contains("#SBATCH --cpus-per-task=2\n"))
        #expect(text.contains("#SBATCH --output=\"/shared/crew/slurm/%A_%a.out\"\n"))
        #expect(text.contains("export HDF5_USE_FILE_LOCKING=FALSE"))
        #expect(text.contains("exec '/opt/twinlab/bin/twinlab' experiment run '/data/it'\\''s.yaml'"))
        #expect(text.contains("--shard \"$SLURM_ARRAY_TASK_ID/8\""))
        #expect(text.contains("--jobs \"${SLURM_CPUS_PER_TASK:-1}\""))
        let unthrottled = SlurmArrayScript(experimentPath: "/e.yaml", experimentID: "e", folder: "/f", tasks: 1,
                                           throttle: nil, executable: "/t")
        #expect(unthrottled.text.contains("#SBATCH --array=0-0\n"))
    }

    func script(folder: String, experiment: String = "/data/grower what-if.yaml",
                executable: String = "/opt/twinlab/bin/twinlab") -> SlurmArrayScript {
        SlurmArrayScript(experimentPath: experiment, experimentID: "grower-what-if", folder: folder, tasks: 4,
                         throttle: 2, cpusPerTask: 3, executable: executable)
    }

    @Test("a folder with blanks, #, % and quotes is one directive value that sbatch and slurmstepd read back as the path")
    func oddFolderNames() {
        // sbatch splits an unquoted directive at the blank and drops everything after an unquoted
        // `#`: the old `--output=/scratch/my runs/...` made sbatch refuse the whole script.
        let text = script(folder: "/scratch/my runs #2/100% \"final\" it's").text.split(separator: "\n").map(String.init)
        #expect(text.contains(#"#SBATCH --output="/scratch/my runs #2/100%% \"final\" it's/slurm/%A_%a.out""#),
                "\(text)")
        // The shell part takes the path as one single-quoted word.
        #expect(text.contains(#"    --output '/scratch/my runs #2/100% "final" it'\''s' --shard "$SLURM_ARRAY_TASK_ID/4" \"#),
                "\(text)")
    }

    @Test("a line break in any path, or a backslash in the folder, is refused with unscriptable-path")
    func refusedPaths() throws {
        for candidate in [script(folder: "/scratch/a\\b"), script(folder: "/scratch/a\nb"),
                          script(folder: "/scratch/ok", experiment: "/data/x\ny.yaml"),
                          script(folder: "/scratch/ok", executable: "/opt/bin\r/twinlab")] {
            do {
                try candidate.check()
                Issue.record("accepted \(candidate.folder) / \(candidate.experimentPath) / \(candidate.executable)")
            } catch let error as ExperimentRunError {
                #expect(error.code == .unscriptablePath)
            }
        }
        try script(folder: "/scratch/my runs #2/100% \"final\"").check()
        // A backslash is harmless where bash reads it in single quotes.
        try script(folder: "/scratch/ok", experiment: "/data/a\\b.yaml").check()
    }
}
