import ArgumentParser
import Scenario

extension TwinLabCommand {
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the JSON Schema of scenario files, for editors that validate and complete YAML.",
            discussion: "Save it (twinlab schema > scenario.schema.json) and point your editor's YAML plugin at it.")

        func run() throws {
            print(ScenarioLoader.jsonSchema())
        }
    }
}
