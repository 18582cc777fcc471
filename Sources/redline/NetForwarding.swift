#if canImport(Glibc)
    import Glibc
#endif

/// Hands the network commands to `redline-net` (see its `main.swift` for why they live apart):
/// `redline snapshot https://…` and `redline watch …` become the same command line run by the
/// `redline-net` installed next to this executable (or on `PATH`).
enum NetForwarding {
    static let helper = "redline-net"

    /// Whether these arguments (without the program name) are a network command.
    static func isNetworkCommand(_ arguments: [String]) -> Bool {
        guard let command = arguments.first else { return false }
        if command == "watch" { return true }
        guard command == "snapshot" else { return false }
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            if ["--article", "--at", "--store", "--input", "--timeout", "--max-size"].contains(argument) {
                index += 2
                continue
            }
            if !argument.hasPrefix("-") {
                let lower = argument.lowercased()
                return lower.hasPrefix("http://") || lower.hasPrefix("https://")
            }
            index += 1
        }
        return false
    }

    /// Replaces this process with `redline-net`; returns only when that fails, with the reason.
    static func exec(_ arguments: [String]) -> String {
        var candidates: [String] = []
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if length > 0 {
            let path = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if let slash = path.lastIndex(of: "/") { candidates.append(String(path[..<slash]) + "/" + helper) }
        }
        if let path = getenv("PATH") {
            candidates += String(cString: path).split(separator: ":").map { "\($0)/\(helper)" }
        }
        for candidate in candidates where access(candidate, X_OK) == 0 {
            var argv: [UnsafeMutablePointer<CChar>?] = ([candidate] + arguments).map { strdup($0) }
            argv.append(nil)
            execv(candidate, &argv)
            return "cannot run \(candidate): \(String(cString: strerror(errno)))."
        }
        return "the network commands need \(helper), installed next to redline (cp .build/release/\(helper) "
            + "to the same directory) or on PATH."
    }
}
