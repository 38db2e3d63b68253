import Foundation

/// A named thread that runs `body` again and again: at once while it reports work done, otherwise after
/// `idleInterval` seconds. `stop()` lets the current pass finish and waits for the
/// thread to end. For the daemon's webhook deliveries and scheduled jobs, which block on I/O and must not run on
/// Dispatch or HTTP threads.
final class BackgroundLoop: @unchecked Sendable {
    private let name: String
    private let idleInterval: Double
    private let body: @Sendable () -> Bool
    private let condition = NSCondition()
    private var stopping = false
    private var running = false

    /// `body` returns true when it did work (run again at once) and false when idle.
    init(name: String, idleInterval: Double, body: @escaping @Sendable () -> Bool) {
        self.name = name
        self.idleInterval = idleInterval
        self.body = body
    }

    func start() {
        condition.withLock { running = true }
        let thread = Thread { [self] in loop() }
        thread.name = name
        thread.start()
    }

    /// Asks the loop to stop and waits until its current pass has finished.
    func stop() {
        condition.withLock {
            stopping = true
            condition.broadcast()
            while running { condition.wait() }
        }
    }

    private func loop() {
        while !condition.withLock({ stopping }) {
            let worked = body()
            condition.withLock {
                if !worked, !stopping { _ = condition.wait(until: Date().addingTimeInterval(idleInterval)) }
            }
        }
        condition.withLock {
            running = false
            condition.broadcast()
        }
    }
}
