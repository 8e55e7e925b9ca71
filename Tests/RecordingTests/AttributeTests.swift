import Recording
import Testing

extension HDF5Tests {
    @Suite("Attributes and groups")
    struct AttributeTests {
        @Test("every attribute kind round-trips on the root, a group and a dataset")
        func attributesRoundTrip() throws {
            let dir = try TemporaryDirectory()
            let path = dir.path("attrs.h5")
            do {
                let file = try HDF5File.create(at: path)
                try file.setAttribute("title", "Grow room 1 – Ünïcode ✓")
                try file.setAttribute("tags", ["baseline", "deterministic", "v1"])
                try file.setAttribute("seed", Int64.min)
                try file.setAttribute("schema_version", 1)
                try file.setAttribute("step_s", 0.1)
                try file.setAttribute("weights", [0.5, -1.25, .infinity])
                try file.setAttribute("counts", [Int64(3), 4, 5])
                try file.setAttribute("empty_tags", [String]())
                try file.setAttribute("empty_weights", [Double]())
                try file.setAttribute("one", [Double](arrayLiteral: 42))
                try file.setAttribute("step_s", 0.2)  // replaces, does not fail
                let group = try file.createGroup("config")
                try group.setAttribute("model", "van-henten")
                let nested = try group.createGroup("lighting")
                try nested.setAttribute("ppfd", 450.0)
                let table = try file.createTimeSeries("ts", columns: ["t"], units: ["s"])
                try table.dataset.setAttribute("entity", "room-1")
                try table.close()
                try file.close()
            }
            let file = try HDF5File.open(at: path)
            #expect(try file.stringAttribute("title") == "Grow room 1 – Ünïcode ✓")
            #expect(try file.stringArrayAttribute("tags") == ["baseline", "deterministic", "v1"])
            #expect(try file.int64Attribute("seed") == Int64.min)
            #expect(try file.int64Attribute("schema_version") == 1)
            #expect(try file.doubleAttribute("step_s") == 0.2)
            #expect(try file.doubleArrayAttribute("weights") == [0.5, -1.25, .infinity])
            #expect(try file.int64ArrayAttribute("counts") == [3, 4, 5])
            #expect(try file.stringArrayAttribute("empty_tags") == [])
            #expect(try file.doubleArrayAttribute("empty_weights") == [])
            #expect(try file.attribute("one") == .doubles([42]))
            #expect(try file.attributeNames() == [
                "counts", "empty_tags", "empty_weights", "one", "schema_version", "seed", "step_s", "tags", "title", "weights",
            ])
            #expect(try file.openGroup("config").stringAttribute("model") == "van-henten")
            #expect(try file.openGroup("config/lighting").doubleAttribute("ppfd") == 450)
            #expect(try file.openDataset("ts").stringAttribute("entity") == "room-1")
            #expect(try file.children() == [HDF5Link(name: "config", kind: .group), HDF5Link(name: "ts", kind: .dataset)])
            #expect(try file.descendants().map(\.name) == ["/config", "/config/lighting", "/ts"])
            #expect(try file.contains("config") && !(try file.contains("nope")))
        }

        @Test("wrong-type and missing attributes throw typed errors naming the file")
        func attributeErrors() throws {
            let dir = try TemporaryDirectory()
            let path = dir.path("attr-errors.h5")
            let file = try HDF5File.create(at: path)
            try file.setAttribute("seed", 7)
            let mismatch = #expect(throws: HDF5Error.self) { try file.stringAttribute("seed") }
            #expect(mismatch?.code == .typeMismatch)
            #expect(mismatch?.message.contains(path) == true)
            let missing = #expect(throws: HDF5Error.self) { try file.doubleAttribute("nope") }
            #expect(missing?.code == .notFound)
            let noGroup = #expect(throws: HDF5Error.self) { try file.openGroup("a/b") }
            #expect(noGroup?.code == .notFound)
            _ = try file.createGroup("g")
            let taken = #expect(throws: HDF5Error.self) { try file.createGroup("g") }
            #expect(taken?.code == .groupCreate)
            #expect(taken?.cause.isEmpty == false)
            let notDataset = #expect(throws: HDF5Error.self) { try file.openDataset("g") }
            #expect(notDataset?.code == .datasetOpen)
            try file.close()
            let closed = #expect(throws: HDF5Error.self) { try file.setAttribute("x", 1.0) }
            #expect(closed?.code == .closed)
        }
    }
}
