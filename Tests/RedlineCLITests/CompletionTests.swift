import Foundation
import Testing

/// Shell completions complete file names where a command takes a path.
@Suite("Shell completions")
struct CompletionTests {
    let cli = CLITests()

    @Test("zsh completion: OLD, NEW, -o and --store of diff, a page to extract, a store complete files")
    func pathsCompleteFiles() throws {
        let result = try cli.run(["--generate-completion-script", "zsh"])
        #expect(result.status == 0)
        for line in [
            "':old:_files'", "':new:_files'",
            "{-o,--output}'[Write the report to this file instead of standard output.]:output:_files'",
            "':page:_files'", ":store:_files'",
        ] {
            #expect(result.stdout.contains(line), "\(line)")
        }
        for shell in ["bash", "fish"] {
            #expect(try cli.run(["--generate-completion-script", shell]).status == 0, "\(shell)")
        }
    }

    @Test("The network commands are redline's own: watch in the help, in completions, and in help watch")
    func networkCommandsListed() throws {
        let help = try cli.run(["--help"])
        #expect(help.stdout.contains("  watch  "), "\(help.stdout)")
        let watchHelp = try cli.run(["help", "watch"])
        #expect(watchHelp.stdout.contains("USAGE: redline watch"), "\(watchHelp.stdout)")
        #expect(watchHelp.stdout.contains("--verbose") && watchHelp.stdout.contains("--quiet"))
        #expect(try cli.run(["watch", "--help"]).stdout.contains("USAGE: redline watch"))
        #expect(try cli.run(["snapshot", "--help"]).stdout.contains("--max-size"))
        let bash = try cli.run(["--generate-completion-script", "bash"])
        #expect(bash.stdout.contains("_redline_watch()"), "bash completion lacks watch")
        let zsh = try cli.run(["--generate-completion-script", "zsh"])
        #expect(zsh.stdout.contains("'watch:Poll RSS/Atom feeds"), "zsh completion lacks watch")
        #expect(zsh.stdout.contains(#"--feeds[A file of feed URLs\: one per line, or OPML.]:feeds:_files"#))
    }

    @Test("Man pages: one per command in Docs/man, naming every long option the command takes")
    func manPages() throws {
        let dump = try cli.run(["--experimental-dump-help"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let command = try #require(root["command"] as? [String: Any])
        let subcommands = try #require(command["subcommands"] as? [[String: Any]])
        let folder = CLITests.root.appendingPathComponent("Docs/man")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("redline.1").path))
        for subcommand in subcommands {
            let name = try #require(subcommand["commandName"] as? String)
            let page = folder.appendingPathComponent("redline.\(name).1")
            let text = try String(contentsOf: page, encoding: .utf8)
            for argument in subcommand["arguments"] as? [[String: Any]] ?? [] {
                for spelling in argument["names"] as? [[String: Any]] ?? [] where spelling["kind"] as? String == "long"
                {
                    let option = try #require(spelling["name"] as? String)
                    guard option != "help" && option != "version" else { continue }  // built in, not listed
                    #expect(
                        text.contains("Fl -\(option)"),
                        "redline.\(name).1 lacks --\(option): run bash Docs/man/regenerate.sh")
                }
            }
        }
    }
}
