#if os(Linux)
    import Glibc
#endif

/// Process-wide signals and exits, for the command-line tool.
public enum ProcessControl {
    /// Calls `handler` (which must be async-signal-safe: set a flag, exit) on SIGINT and SIGTERM.
    public static func onTerminationRequest(_ handler: @convention(c) (Int32) -> Void) {
        for signal in [SIGINT, SIGTERM] { _ = Glibc.signal(signal, handler) }
    }

    /// Lets this thread receive SIGINT and SIGTERM, even when the parent started the process with
    /// them blocked (Foundation's `Process` does).
    public static func unblockTerminationRequests() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// Ends the process with `status`, flushing C streams.
    public static func exit(_ status: Int32) -> Never {
        Glibc.exit(status)
    }

    /// Ends the process at once (from a signal handler).
    public static func exitNow(_ status: Int32) -> Never {
        Glibc._exit(status)
    }
}

/// The environment and the terminal.
public enum Environment {
    /// The value of an environment variable, nil when unset.
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The width in columns of the terminal `descriptor` is, nil when it is not a terminal.
    public static func terminalColumns(of descriptor: FileDescriptor) -> Int? {
        guard descriptor.isTerminal else { return nil }
        var size = winsize()
        guard ioctl(descriptor.rawValue, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
