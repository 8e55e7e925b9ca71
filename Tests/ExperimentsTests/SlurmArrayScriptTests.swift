import Testing
@testable import Experiments

/// The job-array script `twinlab experiment sbatch` prints.
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
        #expect(text.contains("#SBATCH --output=/shared/crew/slurm/%A_%a.out\n"))
        #expect(text.contains("export HDF5_USE_FILE_LOCKING=FALSE"))
        #expect(text.contains("exec '/opt/twinlab/bin/twinlab' experiment run '/data/it'\\''s.yaml'"))
        #expect(text.contains("--shard \"$SLURM_ARRAY_TASK_ID/8\""))
        #expect(text.contains("--jobs \"${SLURM_CPUS_PER_TASK:-1}\""))
        let unthrottled = SlurmArrayScript(experimentPath: "/e.yaml", experimentID: "e", folder: "/f", tasks: 1,
                                           throttle: nil, executable: "/t")
        #expect(unthrottled.text.contains("#SBATCH --array=0-0\n"))
    }
}
