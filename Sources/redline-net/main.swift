// `redline-net`: the commands that use the network (`redline snapshot URL`, later `redline watch`).
//
// They live in their own executable because URLSession needs libcurl, which cannot be linked
// statically: loading it and its 30 libraries costs 3.5 ms at every start, more than a whole
// `redline diff` of an article. `redline` stays one static file that starts in a millisecond and
// hands these commands to `redline-net` (exec, same arguments).
import ArgumentParser
import Foundation
import Redline
import RedlineFetch
import RedlineNet

#if canImport(Glibc)
    import Glibc
#endif

/// The network half of `redline`.
struct NetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redline",
        abstract: "Redline's network commands: snapshot a URL.",
        subcommands: [SnapshotURLCommand.self])
}

/// `redline snapshot URL [--article ID] [--at TIME]`.
struct SnapshotURLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Fetch a page and add its article to the store; an unchanged page adds nothing.",
        discussion: """
            Redirects are followed (the final URL is recorded), the ETag and Last-Modified of each fetch are \
            kept so the next one is a conditional GET (a 304 adds nothing), gzip answers are decompressed, \
            non-HTML answers and 4xx/5xx statuses are reported without touching the store. Exit status: 0 \
            on success (added, unchanged or not modified), 2 on trouble.
            """)

    @Argument(help: "The page's URL (http or https).")
    var url: String

    @Option(name: .long, help: "The article's id (default: the URL, canonicalised).")
    var article: String?

    @Option(name: .long, help: "Seconds to wait for a complete answer.")
    var timeout: Double = 30

    @Option(name: .customLong("max-size"), help: "The largest answer accepted, in MiB.")
    var maxSize: Int = 16

    @Option(name: .long, help: "The store: a directory holding .redline, the .redline directory, or the database file.")
    var store: String?

    func run() async throws {
        guard let target = URL(string: url), target.scheme == "http" || target.scheme == "https" else {
            throw fail("\(url): not an http or https URL.")
        }
        let opened: SQLiteStore
        do {
            opened = try SQLiteStore(path: StoreLocation.find(explicit: store), access: .readWrite)
        } catch {
            throw fail(error.description)
        }
        let fetcher = PageFetcher(timeout: timeout, sizeLimit: maxSize << 20)
        do {
            switch try await URLSnapshot.run(
                url: target, article: article.map(ArticleKey.init), store: opened, fetcher: fetcher)
            {
            case .added(let revision, let finalURL):
                let moved = finalURL.absoluteString == url ? "" : " (from \(finalURL.absoluteString))"
                print("\(revision.article)@\(revision.number): added, \(revision.rawSize) bytes\(moved)")
            case .unchanged(let revision, _):
                print("\(revision.article)@\(revision.number): unchanged, nothing added")
            case .notModified(let key):
                print("\(key.value): not modified (304), nothing added")
            }
        } catch {
            throw fail(error.description)
        }
    }

    func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("redline: \(message)\n".utf8))
        return ExitCode(2)
    }
}

@main
enum NetMain {
    static func main() async {
        do {
            var command = try NetCommand.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Glibc.exit(exit.rawValue)
        } catch {
            let code = NetCommand.exitCode(for: error)
            let message = NetCommand.fullMessage(for: error)
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Glibc.exit(code == .success ? 0 : code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
