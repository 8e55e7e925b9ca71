import Foundation
import Testing
import Scenario

/// SHA-256 against the FIPS 180-4 examples and the system's `sha256sum`.
@Suite("SHA-256")
struct SHA256HashTests {
    @Test("FIPS 180-4 example messages: empty, one block, two blocks")
    func knownAnswers() {
        #expect(SHA256Hash.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Hash.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Hash.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("the shipped calibration sets hash as sha256sum says, at every padding boundary too")
    func agreesWithSha256sum() throws {
        let calibration = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("calibration")
        let dir = NSTemporaryDirectory() + "twinlab-sha-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var files: [(path: String, text: String)] = []
        for name in ["cultivars.yaml", "fixtures.yaml", "machines.yaml"] {
            let path = calibration.appendingPathComponent(name).path
            files.append((path, try String(contentsOfFile: path, encoding: .utf8)))
        }
        // Lengths around the 55/56/64-byte padding edges, with multi-byte UTF-8.
        for length in [55, 56, 57, 63, 64, 65, 119, 120] {
            let text = String(repeating: "é", count: length / 2) + String(repeating: "x", count: length % 2)
            let path = dir + "/\(length).txt"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            files.append((path, text))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = files.map(\.path)
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let sums = output.split(separator: "\n").map { String($0.prefix(64)) }
        #expect(sums == files.map { SHA256Hash.hex($0.text) })
    }
}
