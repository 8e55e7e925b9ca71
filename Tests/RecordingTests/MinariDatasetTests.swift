import Foundation
import Testing
@testable import Recording

/// The Minari 0.5 layout written from in-memory episodes: folders, metadata, episode groups.
@Suite("Minari dataset writer")
struct MinariDatasetTests {
    static func workspace() throws -> String {
        let path = NSTemporaryDirectory() + "twinlab-minari-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Two episodes over a 2-wide Box observation and Discrete(3) actions: 3 and 1 steps.
    static func dataset(id: String = "ns/env/test-v0") -> MinariDataset {
        let first = MinariEpisode(
            observations: [0, 1, 2, 3, 4, 5, 6, 7], actions: [0, 2, 1], rewards: [-1, -2.5, 0],
            terminations: [false, false, true], truncations: [false, false, false],
            infos: [MinariInfo(name: "time", values: [0, 1, 2, 3]), MinariInfo(name: "code", values: [1, 0, 2, 3], isInteger: true)])
        let second = MinariEpisode(
            observations: [0.1, 0.2, 0.3, 0.4], actions: [1], rewards: [-4], terminations: [false], truncations: [true],
            infos: [MinariInfo(name: "time", values: [0, 1]), MinariInfo(name: "code", values: [0, 0], isInteger: true)])
        return MinariDataset(id: id, observationSpace: .box(low: [0, -.infinity], high: [10, .infinity]),
                             actionSpace: .discrete(3), description: "a \"quoted\" test", episodes: [first, second])
    }

    @Test("folders, namespace files, metadata and episode groups follow Minari's layout")
    func layout() throws {
        let root = try Self.workspace()
        let folder = try Self.dataset().write(root: root)
        #expect(folder == root + "/ns/env/test-v0")
        for namespace in ["ns", "ns/env"] {
            #expect(try String(contentsOfFile: "\(root)/\(namespace)/namespace_metadata.json", encoding: .utf8) == "{}")
        }
        let json = try Data(contentsOf: URL(fileURLWithPath: folder + "/data/metadata.json"))
        let metadata = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(metadata["dataset_id"] as? String == "ns/env/test-v0")
        #expect(metadata["minari_version"] as? String == "0.5.0")
        #expect(metadata["total_episodes"] as? Int == 2)
        #expect(metadata["total_steps"] as? Int == 4)
        #expect(metadata["data_format"] as? String == "hdf5")
        #expect(metadata["description"] as? String == "a \"quoted\" test")
        #expect(metadata["action_space"] as? String == #"{"type": "Discrete", "dtype": "int64", "start": 0, "n": 3}"#)
        #expect(metadata["observation_space"] as? String
            == #"{"type": "Box", "dtype": "float32", "shape": [2], "low": [0.0, -Infinity], "high": [10.0, Infinity]}"#)

        let file = try HDF5File.open(at: folder + "/data/main_data.hdf5")
        #expect(try file.children().map(\.name) == ["episode_0", "episode_1"])
        let episode = try file.openGroup("episode_0")
        #expect(try episode.int64Attribute("id") == 0)
        #expect(try episode.int64Attribute("total_steps") == 3)
        #expect(try episode.openDataset("observations").shape() == [4, 2])
        #expect(try episode.openDataset("observations").readDoubles() == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(try episode.openDataset("actions").readInt64s() == [0, 2, 1])
        #expect(try episode.openDataset("rewards").readDoubles() == [-1, -2.5, 0])
        #expect(try episode.openDataset("infos/code").readInt64s() == [1, 0, 2, 3])
        #expect(try episode.openDataset("terminations").shape() == [3])
        #expect(try episode.openDataset("terminations").elementKind() == nil)   // an enum, not a plain integer
        #expect(try file.openGroup("episode_1").openDataset("observations").readDoubles()
            == [0.1, 0.2, 0.3, 0.4].map { Double(Float($0)) })
    }

    @Test("the same episodes give byte-identical files")
    func deterministic() throws {
        let (a, b) = (try Self.workspace(), try Self.workspace())
        try Self.dataset().write(root: a)
        try Self.dataset().write(root: b)
        for file in ["main_data.hdf5", "metadata.json"] {
            let path = "ns/env/test-v0/data/\(file)"
            #expect(try Data(contentsOf: URL(fileURLWithPath: "\(a)/\(path)")) == (try Data(contentsOf: URL(fileURLWithPath: "\(b)/\(path)"))))
        }
    }

    @Test("refuses an existing dataset without force, a malformed id, and episodes that do not fill their shapes")
    func refusals() throws {
        let root = try Self.workspace()
        try Self.dataset().write(root: root)
        #expect(throws: DatasetExportError(.outputExists, "dataset folder '\(root)/ns/env/test-v0' already exists; pass --force to replace it")) {
            try Self.dataset().write(root: root)
        }
        try Self.dataset().write(root: root, force: true)
        for bad in ["no-version", "two words-v0", "ns//x-v0", "/abs-v0", "x-v"] {
            #expect(throws: DatasetExportError.self) { try MinariDataset.validate(id: bad) }
        }
        for good in ["x-v0", "ns/x-v12", "twinlab/fleet-heavy-load/machine-lives-v0"] {
            try MinariDataset.validate(id: good)
        }
        var broken = Self.dataset(id: "broken-v0")
        broken.episodes[0].observations.removeLast()
        do {
            try broken.write(root: root)
            Issue.record("an episode with a missing observation value was written")
        } catch let error as DatasetExportError {
            #expect(error.code == .outputNotWritable)
            #expect(error.message.contains("do not fill the shape"))
        }
    }
}
