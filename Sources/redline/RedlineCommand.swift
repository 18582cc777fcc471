import ArgumentParser
import Dispatch
import Redline
import RedlineSystem

/// The `redline` command: parses arguments, calls the façade, renders, exits.
struct RedlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redline",
        abstract: "Track how news articles change: what was edited, and which claims, figures and names changed.",
        discussion: """
            Exit status follows diff(1): 0 when nothing changed, 1 when something did, 2 on trouble.
            """,
        version: "0.1.0",
        subcommands: [
            DiffCommand.self, CheckCommand.self, FactsCommand.self, ExtractCommand.self, InitCommand.self,
            SnapshotCommand.self, WatchCommand.self, FollowCommand.self,
            LogCommand.self,
            ShowCommand.self, ArticlesCommand.self, FsckCommand.self, StatsCommand.self, ExportCommand.self,
            ImportCommand.self,
        ]
    )
}

@main
enum Main {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            if let request = DiffRequest(fastArguments: arguments) {
                try request.run()
                return
            }
            if let request = ExtractRequest(fastArguments: arguments) {
                try request.run()
                return
            }
            if let request = FactsRequest(fastArguments: arguments) {
                try request.run()
                return
            }
            var command = try RedlineCommand.parseAsRoot()
            if let network = command as? any AsyncParsableCommand {
                try runAndWait(network)
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            ProcessControl.exit(exit.rawValue)
        } catch {
            let code = RedlineCommand.exitCode(for: error)
            let message = RedlineCommand.fullMessage(for: error)
            if code == .success {
                Terminal.write(message + "\n", to: .standardOutput)
                ProcessControl.exit(0)
            }
            // Usage errors are "trouble" (2), as in diff(1), not EX_USAGE (64).
            Terminal.write(TerminalSafe.escaped(message) + "\n", to: .standardError)
            ProcessControl.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }

    /// Runs an async command (the network ones) on the cooperative pool while the main thread
    /// waits: the other commands start without the concurrency runtime's main-queue machinery.
    static func runAndWait(_ command: any AsyncParsableCommand) throws {
        final class Outcome: @unchecked Sendable {
            // @unchecked: written by the task before `done` is signalled, read after.
            var error: (any Error)?
        }
        nonisolated(unsafe) var command = command
        let outcome = Outcome()
        // The waiting main thread takes Ctrl-C and SIGTERM (`watch` handles them), even when the
        // parent started us with them blocked (Foundation's Process does).
        ProcessControl.unblockTerminationRequests()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                try await command.run()
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }
}
