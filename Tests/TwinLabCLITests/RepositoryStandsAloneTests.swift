import Foundation
import Testing

/// The repository must make sense to someone who only has a clone of it.
///
/// Design and research notes used to live in a folder next to the checkout that users never
/// get. Sources, tests, docs and benchmarks now cite the papers themselves and the project's
/// own `docs/design.md`, `docs/model-reference.md` and `docs/kernel.md`. These tests keep it
/// that way: no line may point into that outside folder or name its note files.
@Suite("Repository stands alone")
struct RepositoryStandsAloneTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// What gets scanned, relative to the repository root.
    static let roots = ["README.md", "docs", "Sources", "Tests", "Benchmarks"]
    /// Text files that can hold a citation; everything else (HDF5, CSV data, C, JSON) is skipped.
    static let extensions: Set<String> = ["swift", "md", "py", "sh", "yaml", "txt", "tsv"]
    /// Directories never scanned: build products, virtual environments (hidden folders) and
    /// the benchmarks' git-ignored results.
    static func skipsDirectory(_ name: String, relativePath: String) -> Bool {
        name.hasPrefix(".") || relativePath == "Benchmarks/results"
    }

    /// Substrings that point outside the repository. Built by concatenation so that this
    /// file does not match itself.
    static let needles = ["../" + "shared", "shared/" + "reference", "shared/" + "bench", "DESIGN" + ".md"]
    /// The old model notes' file name; it only counts as a file name (start of line, or after
    /// whitespace, `/`, a backtick or `(`), so `docs/model-reference.md` never matches.
    static let modelNotes = "models" + ".md"

    /// Lines allowed to keep a pointer, because they are behaviour rather than citation:
    /// the kernel benchmark script's defaults for where the optional SimPy reference scripts
    /// and the C++ hold loop live. Both can be overridden by environment variables, and the
    /// script runs without them (docs/kernel.md, Benchmarks/README.md).
    static let allowed: [(file: String, lineContains: String)] = [
        ("Benchmarks/run-kernel-benchmarks.sh", "SIMPY_DIR=${SIMPY_REFERENCE_DIR:-"),
        ("Benchmarks/run-kernel-benchmarks.sh", "CPP_DIR=${CPP_HOLD_DIR:-"),
    ]

    /// Files under `roots` with a scanned extension, as paths relative to the repository, sorted.
    static func scannedFiles() -> [String] {
        let fm = FileManager.default
        var found: [String] = []
        func walk(_ relative: String) {
            let url = repository.appendingPathComponent(relative)
            guard let attributes = try? fm.attributesOfItem(atPath: url.path),
                  let type = attributes[.type] as? FileAttributeType else { return }
            if type == .typeDirectory {
                let name = url.lastPathComponent
                if skipsDirectory(name, relativePath: relative) { return }
                let children = (try? fm.contentsOfDirectory(atPath: url.path)) ?? []
                for child in children.sorted() { walk(relative + "/" + child) }
            } else if type == .typeRegular, extensions.contains(url.pathExtension) {
                found.append(relative)
            }
        }
        for root in roots { walk(root) }
        return found
    }

    /// Whether `line` names the old model notes as a file.
    static func namesModelNotes(_ line: String) -> Bool {
        var searchStart = line.startIndex
        while let range = line.range(of: modelNotes, range: searchStart..<line.endIndex) {
            if range.lowerBound == line.startIndex { return true }
            let before = line[line.index(before: range.lowerBound)]
            if before.isWhitespace || before == "/" || before == "`" || before == "(" { return true }
            searchStart = range.upperBound
        }
        return false
    }

    /// Every offending line as "path:line: text".
    static func offenders() throws -> [String] {
        var result: [String] = []
        for file in scannedFiles() {
            let data = try Data(contentsOf: repository.appendingPathComponent(file))
            if data.contains(0) { continue }  // binary after all
            guard let text = String(data: data, encoding: .utf8) else { continue }
            for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = String(rawLine)
                guard needles.contains(where: { line.contains($0) }) || namesModelNotes(line) else { continue }
                if allowed.contains(where: { $0.file == file && line.contains($0.lineContains) }) { continue }
                result.append("\(file):\(index + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        return result
    }

    @Test("no file points into a folder outside the repository or names the old note files")
    func noPointersOutside() throws {
        let files = Self.scannedFiles()
        #expect(files.contains("README.md") && files.count > 100, "scanned only \(files.count) files from \(Self.repository.path)")
        let found = try Self.offenders()
        #expect(found.isEmpty, """
            \(found.count) line(s) cite notes users do not have; cite the paper or standard and \
            docs/design.md, docs/model-reference.md or docs/kernel.md instead:
            \(found.joined(separator: "\n"))
            """)
    }

    @Test("the matcher finds the old names and leaves docs/model-reference.md alone")
    func matcher() {
        #expect(Self.namesModelNotes("see " + Self.modelNotes + " §2"))
        #expect(Self.namesModelNotes("(" + Self.modelNotes + " §4)"))
        #expect(Self.namesModelNotes("reference/" + Self.modelNotes))
        #expect(Self.namesModelNotes("`" + Self.modelNotes + "`"))
        #expect(Self.namesModelNotes(Self.modelNotes + " says"))
        #expect(!Self.namesModelNotes("docs/model-reference.md §Cannabis"))
        #expect(!Self.namesModelNotes("the design notes (docs/design.md)"))
    }

    @Test("docs/design.md exists and README.md links to it")
    func designDocumentIsLinked() throws {
        let fm = FileManager.default
        let design = Self.repository.appendingPathComponent("docs/design.md")
        #expect(fm.fileExists(atPath: design.path), "missing \(design.path)")
        #expect(fm.fileExists(atPath: Self.repository.appendingPathComponent("docs/model-reference.md").path))
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("docs/design.md"), "README.md does not link docs/design.md")
    }
}
