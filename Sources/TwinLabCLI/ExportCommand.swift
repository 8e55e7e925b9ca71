import ArgumentParser
import Lab

extension TwinLabCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export a run for other tools: spreadsheets, offline RL, RUL models.",
            subcommands: [CSV.self, Minari.self, CMAPSS.self])

        struct CSV: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "csv", abstract: "Write each time series of a run as a CSV file for spreadsheets.")
            @Argument(help: "The run file (.h5).")
            var runFile: String
            @Option(help: "Folder for the CSV files.")
            var output = "results/csv"

            func run() throws {
                let status = ExportCSVAction(runPath: runFile, directory: output)
                    .execute(out: { print($0) }, err: { Terminal.error($0) })
                if status != .success { throw status.exitCode }
            }
        }

        struct Minari: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "minari",
                abstract: "Write a fleet or facility run as an offline-RL dataset that minari.load_dataset opens.",
                discussion: """
                    Fleet run: one episode per machine life (from the start or the return to service after a \
                    failure, to the next failure = terminated, or the end of the run = truncated). The agent sees \
                    power, temperature, hot spot, vibration, runtime and health; its action is the recorded \
                    decision (0 none, 1 maintenance, 2 offline); the reward is minus the downtime and energy cost.
                    Facility run: one episode per room; the controller's measured climate, light, outdoor \
                    temperature and price in, the seven actuator commands out; the reward is minus the energy \
                    cost and a discomfort penalty.
                    The dataset goes to OUTPUT/<dataset id>/data; the default id names the scenario, the seed \
                    and the run's fingerprint, so runs of other seeds export side by side. Load it with a \
                    Python that has minari (MINARI_DATASETS_PATH must be an absolute path; the command printed \
                    after the export is ready to paste):
                      MINARI_DATASETS_PATH=/absolute/OUTPUT python -c "import minari; d = minari.load_dataset('ID')"
                    Definitions: docs/datasets.md.
                    """)
            @Argument(help: "A finished run file (.h5) of a fleet or facility scenario.")
            var runFile: String
            @Option(help: "Root folder of Minari datasets (what MINARI_DATASETS_PATH points at).")
            var output = "results/minari"
            @Option(name: .customLong("dataset-id"),
                    help: "Dataset id (namespace/name-vN); default twinlab/<scenario id>/machine-lives-seed<seed>-<fingerprint>-v0 (or rooms-…).")
            var datasetID: String?
            @Option(name: .customLong("energy-price"), help: "Fleet reward: electricity price, currency per kWh.")
            var energyPrice = DatasetExportOptions().energyPricePerKWh
            @Option(name: .customLong("comfort-min"), help: "Facility reward: lower edge of the comfort band, °C.")
            var comfortMin = DatasetExportOptions().comfortBand.lowerBound
            @Option(name: .customLong("comfort-max"), help: "Facility reward: upper edge of the comfort band, °C.")
            var comfortMax = DatasetExportOptions().comfortBand.upperBound
            @Option(name: .customLong("discomfort-cost"), help: "Facility reward: cost of one kelvin-hour outside the band.")
            var discomfortCost = DatasetExportOptions().discomfortCostPerKelvinHour
            @Flag(help: "Replace an existing dataset with the same id.")
            var force = false

            func validate() throws {
                guard comfortMin <= comfortMax else { throw ValidationError("--comfort-min must not exceed --comfort-max") }
                guard energyPrice >= 0, discomfortCost >= 0 else {
                    throw ValidationError("--energy-price and --discomfort-cost must be ≥ 0")
                }
            }

            func run() throws {
                let options = DatasetExportOptions(
                    force: force, energyPricePerKWh: energyPrice, comfortBand: comfortMin...comfortMax,
                    discomfortCostPerKelvinHour: discomfortCost)
                let status = ExportDatasetAction(runPath: runFile, output: output, format: .minari(datasetID: datasetID),
                                                 options: options)
                    .execute(out: { print($0) }, err: { Terminal.error($0) })
                if status != .success { throw status.exitCode }
            }
        }

        struct CMAPSS: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "cmapss",
                abstract: "Write a fleet run's machines (or a facility run's room machines) as run-to-failure text files in NASA C-MAPSS form, for RUL models.",
                discussion: """
                    One unit per machine life, one row per recording interval (a "cycle"): unit, cycle, three \
                    operating settings (load, cooling air temperature, cooling factor), six sensors (power, \
                    temperature, hot spot, vibration, runtime, health). Lives that ended in a failure go to \
                    train_NAME.txt (RUL = last cycle - cycle); lives still running at the end go to test_NAME.txt, \
                    with their true RUL in RUL_NAME.txt; columns_NAME.txt names every column with its unit.
                    A run in which no machine failed is refused (exit 6): its training file would be empty; \
                    --allow-empty writes it anyway. Units are numbered from --first-unit (default 1); to combine \
                    runs (seeds) into one set, export each with --first-unit set to the number the previous \
                    export printed, then concatenate the files (cat train_a.txt train_b.txt > train_all.txt, the same \
                    for test and RUL).
                    Read in Python: pandas.read_csv("OUTPUT/train_NAME.txt", sep=r"\\s+", header=None)
                    """)
            @Argument(help: "A finished run file (.h5) of a fleet scenario, or of a facility scenario with room machines.")
            var runFile: String
            @Option(help: "Folder for the four text files.")
            var output = "results/cmapss"
            @Option(help: "Subset name in the file names (train_<name>.txt).")
            var name = "FD-twinlab"
            @Option(name: .customLong("first-unit"),
                    help: "Number of the first train and of the first test unit (≥ 1), to keep unit numbers unique across runs.")
            var firstUnit = 1
            @Flag(name: .customLong("allow-empty"), help: "Write the files even when no machine failed (empty train file).")
            var allowEmpty = false
            @Flag(help: "Replace existing files of the same name.")
            var force = false

            func validate() throws {
                guard firstUnit >= 1 else { throw ValidationError("--first-unit must be at least 1") }
            }

            func run() throws {
                let status = ExportDatasetAction(runPath: runFile, output: output,
                                                 format: .cmapss(name: name, firstUnit: firstUnit),
                                                 options: DatasetExportOptions(force: force, allowEmpty: allowEmpty))
                    .execute(out: { print($0) }, err: { Terminal.error($0) })
                if status != .success { throw status.exitCode }
            }
        }
    }
}
