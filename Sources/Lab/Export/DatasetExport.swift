import Foundation
import Recording
import Scenario

/// Dataset exports of a finished run file for ML tools: Minari (offline RL) and C-MAPSS
/// (run-to-failure RUL). The definitions of episodes, observations, actions, rewards and
/// units are in docs/datasets.md; failures are ``DatasetExportError``s.
public enum DatasetExport {
    /// Writes the run at `runPath` as a Minari dataset under `root` (the folder
    /// `MINARI_DATASETS_PATH` points at); `datasetID` defaults to ``defaultDatasetID(runPath:)``.
    @discardableResult
    public static func minari(runPath: String, root: String, datasetID: String? = nil,
                              options: DatasetExportOptions = DatasetExportOptions()) throws -> DatasetExportSummary {
        let run = try ExportedRun(path: runPath)
        let id = datasetID ?? defaultID(run)
        try MinariDataset.validate(id: id)
        let dataset: MinariDataset
        switch run.model {
        case .fleet:
            let spec = try run.fleetSpec()
            let lives = try MachineLives(
                run: run, requiring: FleetMinariEpisodes.observationChannels + FleetMinariEpisodes.infoChannels)
            let episodes = FleetMinariEpisodes.episodes(
                lives, downtimeCostPerHour: spec.downtimeCostPerHour, energyPrice: options.energyPricePerKWh)
            dataset = MinariDataset(
                id: id, observationSpace: FleetMinariEpisodes.observationSpace, actionSpace: .discrete(3),
                description: "TwinLab fleet run '\(run.scenarioID)' seed \(run.reader.attribute("seed")) "
                    + "(fingerprint \(run.reader.attribute("fingerprint"))): one episode per machine life; "
                    + "reward = -(\(spec.downtimeCostPerHour) per hour out of service + \(options.energyPricePerKWh) per kWh). "
                    + "See TwinLab docs/datasets.md.",
                episodes: episodes)
        case .facility:
            let rooms = try FacilityMinariEpisodes.episodes(run, options: options)
            let band = options.comfortBand
            dataset = MinariDataset(
                id: id, observationSpace: FacilityMinariEpisodes.observationSpace,
                actionSpace: FacilityMinariEpisodes.actionSpace,
                description: "TwinLab facility run '\(run.scenarioID)' seed \(run.reader.attribute("seed")) "
                    + "(fingerprint \(run.reader.attribute("fingerprint"))): one episode per room "
                    + "(\(rooms.map(\.room).joined(separator: ", "))); reward = -(energy cost) - "
                    + "\(options.discomfortCostPerKelvinHour) per K·h outside \(band.lowerBound)-\(band.upperBound) degC. "
                    + "See TwinLab docs/datasets.md.",
                episodes: rooms.map(\.episode))
        case .other:
            throw DatasetExportError(
                .wrongModel, "'\(runPath)' is a \(run.modelName) run; Minari export needs a fleet or facility run")
        }
        let folder = try dataset.write(root: root, force: options.force)
        return DatasetExportSummary(
            location: folder, name: id, episodes: dataset.episodes.count, steps: dataset.totalSteps,
            failures: dataset.episodes.filter { $0.terminations.last == true }.count,
            files: ["data/metadata.json", "data/main_data.hdf5"].map { (folder as NSString).appendingPathComponent($0) })
    }

    /// Writes the fleet run at `runPath`, or the room machines of a facility run, as C-MAPSS
    /// text files into `directory`, units numbered from `firstUnit` (train and test separately).
    ///
    /// - Throws: ``DatasetExportError`` `.noFailedUnits` when no machine failed (the training
    ///   file would be empty) unless `options.allowEmpty`; the refusals of ``ExportedRun`` and
    ///   ``CMAPSSDataset/write(directory:force:)``.
    @discardableResult
    public static func cmapss(runPath: String, directory: String, name: String = "FD-twinlab", firstUnit: Int = 1,
                              options: DatasetExportOptions = DatasetExportOptions()) throws -> DatasetExportSummary {
        let run = try ExportedRun(path: runPath)
        guard run.model != .other else {
            throw DatasetExportError(
                .wrongModel, "'\(runPath)' is a \(run.modelName) run; C-MAPSS export needs a fleet run or a facility "
                    + "run with room machines")
        }
        var dataset = try FleetCMAPSSUnits.dataset(run, name: name)
        dataset.firstUnit = firstUnit
        if dataset.trainUnits.isEmpty, !options.allowEmpty {
            throw DatasetExportError(
                .noFailedUnits, "no machine failed in '\(runPath)' (\(dataset.units.count) lives, all still running at "
                    + "the end), so train_\(name).txt would hold no run-to-failure unit; export a run in which machines "
                    + "fail (e.g. scenarios/fleet-run-to-failure.yaml, or a longer horizon), or pass --allow-empty to "
                    + "write the censored units alone")
        }
        let files = try dataset.write(directory: directory, force: options.force)
        var summary = DatasetExportSummary(
            location: directory, name: name, episodes: dataset.units.count,
            steps: dataset.units.reduce(0) { $0 + $1.cycles.count }, failures: dataset.trainUnits.count, files: files)
        summary.nextFirstUnit = dataset.nextFirstUnit
        return summary
    }

    /// `twinlab/<scenario id>/<kind>-seed<seed>-<fingerprint>-v0`, kind `machine-lives` (fleet)
    /// or `rooms` (facility), fingerprint the first 8 hex digits of the run's: runs of another
    /// seed, horizon or scenario text get other ids, so their exports sit side by side.
    public static func defaultDatasetID(runPath: String) throws -> String {
        defaultID(try ExportedRun(path: runPath))
    }

    private static func defaultID(_ run: ExportedRun) -> String {
        let clean = { (text: String) in
            text.replacingOccurrences(of: #"[^-_A-Za-z0-9]"#, with: "_", options: .regularExpression)
        }
        var name = run.model == .fleet ? "machine-lives" : "rooms"
        let seed = clean(run.reader.attribute("seed"))
        let fingerprint = clean(String(run.reader.attribute("fingerprint").prefix(8)))
        if !seed.isEmpty { name += "-seed\(seed)" }
        if !fingerprint.isEmpty { name += "-\(fingerprint)" }
        return "twinlab/\(clean(run.scenarioID))/\(name)-v0"
    }
}
