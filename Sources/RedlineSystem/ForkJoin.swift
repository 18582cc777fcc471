#if os(Linux)
    import Glibc
#endif

/// Runs two independent pieces of work at once: the first on a new thread, the second on the
/// calling thread; returns both results when both are done.
///
/// Reading two large files (mapping them and checking their UTF-8) is the same work twice with
/// nothing shared, so the second core can do half of it.
public enum ForkJoin {
    /// Runs `first` and `second` in parallel when `parallel` is true, one after the other otherwise.
    public static func run<A, B>(parallel: Bool = true, _ first: () -> A, _ second: () -> B) -> (A, B) {
        guard parallel else { return (first(), second()) }
        var a: A?
        let b: B = withoutActuallyEscaping({ a = first() }) { work -> B in
            let job = Unmanaged.passRetained(Job(work))
            var thread = pthread_t()
            guard pthread_create(&thread, nil, runJob, job.toOpaque()) == 0 else {
                job.release()
                work()
                return second()
            }
            let b = second()
            pthread_join(thread, nil)
            return b
        }
        guard let a else { preconditionFailure("the joined thread always sets its result") }
        return (a, b)
    }

    /// The work handed to the new thread. The thread is joined before the caller goes on.
    fileprivate final class Job: @unchecked Sendable {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }
}

/// The new thread's entry point: runs the job and releases it.
private func runJob(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let context else { return nil }
    Unmanaged<ForkJoin.Job>.fromOpaque(context).takeRetainedValue().body()
    return nil
}
