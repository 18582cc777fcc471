import ArgumentParser
import Foundation
import Redline

/// `redline fsck`.
struct FsckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fsck",
        abstract: "Re-read and re-hash every revision; exit 2 naming any that is damaged.")

    @OptionGroup var store: StoreOption

    func run() throws {
        let opened = try store.open()
        let problems = try withStore { () throws(StoreError) in try opened.check() }
        let stats = try withStore { () throws(StoreError) in try opened.statistics() }
        guard problems.isEmpty else {
            for problem in problems { Terminal.write("redline: damaged: \(problem)\n", to: 2) }
            Terminal.write(
                "redline: \(problems.count) of \(stats.revisions) revisions are damaged; the others read correctly.\n",
                to: 2)
            throw ExitCode(2)
        }
        print("\(stats.revisions) revisions of \(stats.articles) articles checked: all intact.")
    }
}
