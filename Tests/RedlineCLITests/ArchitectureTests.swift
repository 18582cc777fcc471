import Foundation
import Testing

/// `Docs/Architecture.md` names, for every module, the project modules it depends on: the
/// imports in its sources must be exactly those.
@Suite("Architecture document")
struct ArchitectureTests {
    @Test("The module table's dependencies match each module's imports")
    func moduleGraphMatchesImports() throws {
        let sources = CLITests.root.appendingPathComponent("Sources")
        let modules = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { !$0.hasPrefix(".") }
        let document = try String(
            contentsOf: CLITests.root.appendingPathComponent("Docs/Architecture.md"), encoding: .utf8)
        var documented: [String: Set<String>] = [:]
        for line in document.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count >= 4 else { continue }
            let name = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let words = cells[cells.count - 2].components(separatedBy: CharacterSet.alphanumerics.inverted)
            documented[name] = Set(words.filter { modules.contains($0) && $0 != name })
        }
        for module in modules {
            let folder = sources.appendingPathComponent(module)
            var imports = Set<String>()
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ")
                    // `import X`, `@_exported import X`, `internal import X`.
                    let modifiers: Set<Substring> = ["internal", "public", "package"]
                    guard let index = words.firstIndex(of: "import"), index == words.count - 2,
                        words[..<index].allSatisfy({ $0.hasPrefix("@") || modifiers.contains($0) })
                    else { continue }
                    let imported = String(words[index + 1])
                    if modules.contains(imported) && imported != module { imports.insert(imported) }
                }
            }
            guard let listed = documented[module] else {
                Issue.record("Architecture.md has no row for \(module)")
                continue
            }
            #expect(
                listed == imports,
                "\(module): the table says \(listed.sorted()), the sources import \(imports.sorted())")
        }
    }
}
