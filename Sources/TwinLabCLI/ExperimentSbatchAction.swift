import Experiments
import Foundation

/// What `twinlab experiment sbatch` does: check the experiment and print its Slurm array script.
public struct ExperimentSbatchAction: Sendable {
    public var experimentPath: String
    public var tasks: Int
    public var throttle: Int?
    public var cpusPerTask = 1
    /// The experiment folder; nil for `results/experiments/<id>`.
    public var outputDirectory: String?
    /// The `twinlab` the tasks run; nil for this very executable.
    public var executable: String?

    public init(experimentPath: String, tasks: Int) {
        self.experimentPath = experimentPath
        self.tasks = tasks
    }

    /// Prints the script (exit 0) after creating the folder's `slurm/` log folder; exit 3 for an
    /// experiment file that does not plan, 4 when the folder cannot be created, 64 for a path no
    /// Slurm script can hold (``SlurmArrayScript/check()``).
    ///
    /// Paths in the script are absolute, so `sbatch` may be called from any folder; the tasks
    /// must see the same file system (the experiment folder is shared by all of them).
    public func execute(out: (String) -> Void, err: (String) -> Void) -> ExitStatus {
        let plan: ExperimentPlan
        do {
            plan = try ExperimentPlan.make(try ExperimentLoader.load(path: experimentPath))
        } catch {
            err("error: \(error)")
            return .invalidScenario
        }
        if tasks > plan.cells.count {
            err("warning: \(tasks) tasks for \(plan.cells.count) runs: \(tasks - plan.cells.count) tasks will have nothing to do")
        }
        let folder = Self.absolute(outputDirectory ?? ExperimentFolder.defaultPath(experimentID: plan.spec.id))
        let script = SlurmArrayScript(
            experimentPath: Self.absolute(experimentPath), experimentID: plan.spec.id, folder: folder,
            tasks: tasks, throttle: throttle, cpusPerTask: cpusPerTask,
            executable: executable ?? Self.currentExecutable())
        do {
            try script.check()
        } catch {
            err("error: \(error)")
            return .usage
        }
        // Slurm does not create the folder of a job's --output file; without it a task fails unseen.
        // The task count goes beside the logs, so `collect` can name the tasks to resubmit even
        // when none of them finished.
        let logs = (folder as NSString).appendingPathComponent("slurm")
        do {
            try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
            try Data("\(tasks)\n".utf8).write(to: URL(fileURLWithPath: ExperimentFolder(path: folder).arrayTasks))
        } catch {
            err("error: cannot create '\(logs)' for the tasks' logs: \(error.localizedDescription)")
            return .ioError
        }
        out(script.text.trimmingCharacters(in: .newlines))
        return .success
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// This process's executable, resolved through `/proc/self/exe`.
    static func currentExecutable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? absolute(CommandLine.arguments[0])
    }
}
