#if Postgres
    import Logging
    import NIOCore
    import PostgresNIO

    extension PostgresConnection {
        /// Runs `query` and waits for its rows — or for the connection to close, whichever comes
        /// first.
        ///
        /// PostgresNIO hands a query to its channel without a write promise: a query issued just
        /// as the server goes away (the channel closing, its handler already gone) is dropped
        /// without its result ever being completed, and a bare `.wait()` then blocks forever
        /// (seen with `pg_ctl -m immediate` during an import). Racing the result against the
        /// channel's close turns that into the error a lost connection gives.
        func settled(_ query: PostgresQuery, logger: Logger) throws -> PostgresQueryResult {
            let result = eventLoop.makePromise(of: PostgresQueryResult.self)
            self.query(query, logger: logger).cascade(to: result)
            closeFuture.whenComplete { _ in
                // A promise completes once: after the result arrived, this does nothing.
                result.fail(ChannelError.ioOnClosedChannel)
            }
            return try result.futureResult.wait()
        }
    }
#endif
