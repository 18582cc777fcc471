import Foundation
import Testing

/// Programs some tests run that a fresh machine may lack. A test that needs one is skipped, with
/// the reason shown in the test log, when it is missing, unless CI asks for it
/// (`REDLINE_REQUIRE_BROWSER=1` for Chromium, `REDLINE_REQUIRE_TOOLS=1` for git and patch; `.ci/run`
/// sets both and installs them): then the test runs and a missing program is a failure.
enum SystemTool: String, CaseIterable {
    case chromium
    case git
    case patch
    case shell

    /// The executable's names, most likely first.
    private var names: [String] {
        switch self {
        case .chromium: ["chromium", "chromium-browser", "google-chrome"]
        case .git: ["git"]
        case .patch: ["patch"]
        case .shell: ["sh"]
        }
    }

    /// Where the program is, searching `PATH` and the usual directories.
    var path: String? {
        let directories =
            (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/bin", "/usr/local/bin", "/snap/bin"]
        for name in names {
            for directory in directories {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// The environment variable that makes a missing program a failure.
    var requirement: String {
        self == .chromium ? "REDLINE_REQUIRE_BROWSER" : "REDLINE_REQUIRE_TOOLS"
    }

    /// Whether the tests that need the program run.
    var runsTests: Bool {
        path != nil || ProcessInfo.processInfo.environment[requirement] == "1"
    }

    /// The trait for a test that needs the program: skipped with a notice when it is missing.
    var trait: ConditionTrait {
        .enabled(
            if: runsTests,
            "\(rawValue) is not installed: skipped (apt-get install \(rawValue); \(requirement)=1 makes this a failure)"
        )
    }
}
