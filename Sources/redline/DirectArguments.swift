import Redline

/// A direct scan of a common invocation (`redline diff A B --by sentence`, `redline extract PAGE
/// --format json`) without ArgumentParser, which reflects over every command's properties at each
/// start: about 2 ms in the static binary, more than the work of a typical diff or extraction.
///
/// The scan accepts only what it fully understands: the subcommand, positional arguments, known
/// flags given once, known options given once with a value (`--name value` or `--name=value`,
/// `-o` for `--output`). Anything else (help, a repeated or unknown option, `--`, a missing
/// value) gives nil, and ArgumentParser takes over with its messages. `FastParseTests` checks
/// that both parsers agree.
struct DirectArguments {
    var positional: [String] = []
    var flags: Set<String> = []
    var options: [String: String] = [:]

    init?(_ arguments: [String], command: String, flags known: Set<String>, options knownOptions: Set<String>) {
        guard arguments.first == command else { return nil }
        var k = 1
        while k < arguments.count {
            let argument = arguments[k]
            k += 1
            guard argument.hasPrefix("-") && argument != "-" else {
                positional.append(argument)
                continue
            }
            var name = argument
            var value: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            }
            if name == "-o" { name = "--output" }
            if known.contains(name) {
                guard value == nil, flags.insert(name).inserted else { return nil }
                continue
            }
            guard knownOptions.contains(name), options[name] == nil else { return nil }
            if value == nil {
                guard k < arguments.count else { return nil }
                value = arguments[k]
                k += 1
            }
            guard let value, !value.isEmpty, !value.hasPrefix("-") || (name == "--output" && value == "-") else {
                return nil
            }
            options[name] = value
        }
    }
}

extension DirectArguments {
    /// The report options `extract` and `facts` share — `--format`, `--input`, `-o/--output` —
    /// or nil when a value is not one the command takes (ArgumentParser then says so).
    func reportOptions<Format: RawRepresentable>(_: Format.Type) -> (
        format: Format?, input: InputFormat?, output: String?
    )?
    where Format.RawValue == String {
        var format: Format?
        var input: InputFormat?
        if let value = options["--format"] {
            guard let parsed = Format(rawValue: value) else { return nil }
            format = parsed
        }
        if let value = options["--input"] {
            guard let parsed = InputFormat(rawValue: value) else { return nil }
            input = parsed
        }
        return (format, input, options["--output"])
    }
}
