#if Postgres
    import Dispatch
    import Foundation

    /// Runs PostgresNIO's async calls (connecting, closing, listening) for the store's blocking
    /// methods, on a serial dispatch queue of their own rather than Swift's cooperative pool: a
    /// command may call the store from a pool thread (the watcher does), and with every pool
    /// thread blocked in such a call the awaited work could never run.
    final class BlockingBridge: TaskExecutor, @unchecked Sendable {
        static let shared = BlockingBridge()
        private let queue = DispatchQueue(label: "redline.postgres.bridge")

        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            let executor = asUnownedTaskExecutor()
            queue.async { job.runSynchronously(on: executor) }
        }

        /// The result of `body`, waited for.
        func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
            let done = DispatchSemaphore(value: 0)
            let box = ResultBox<T>()
            Task(executorPreference: self) {
                do {
                    box.result = .success(try await body())
                } catch {
                    box.result = .failure(error)
                }
                done.signal()
            }
            done.wait()
            guard let result = box.result else { throw CancellationError() }
            return try result.get()
        }
    }

    /// Where a waited-for task leaves its result (written once, before the semaphore is signalled).
    private final class ResultBox<T>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }
#endif
