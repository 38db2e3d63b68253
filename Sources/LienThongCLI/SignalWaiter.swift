import Dispatch
import Foundation

/// The daemon's SIGTERM, SIGINT and SIGHUP handling, installed first thing so that a signal during start-up (opening
/// the store, recovering runs, the first job) is never the default kill: a stop request is remembered and `wait`
/// returns at once; a SIGHUP before `wait` is deferred to it (the configuration was just read anyway). A second stop
/// request while start-up is still under way (it hangs: a locked store, a configuration FIFO nobody writes) ends
/// the process at once, as the default action would have.
final class SignalWaiter: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let queue = DispatchQueue(label: "lienthong.signals")
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var reload: (@Sendable () -> Void)?
    private var reloadPending = false
    private var stopRequested = false
    private var waiting = false

    init() {
        for signalNumber in [SIGTERM, SIGINT, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { [unowned self] in received(signalNumber) }
            source.resume()
            sources.append(source)
        }
    }

    /// Serve returned without waiting (a start-up failure): no handler may outlive the waiter.
    deinit { sources.forEach { $0.cancel() } }

    private func received(_ signalNumber: Int32) {
        guard signalNumber == SIGHUP else {
            let startingAgain = lock.withLock {
                defer { stopRequested = true }
                return stopRequested && !waiting
            }
            if startingAgain {
                ServiceLog.write(.warn, "stopped during start-up by a second signal", [("signal", .int(Int64(signalNumber)))])
                exit(1)
            }
            done.signal()
            return
        }
        let handler = lock.withLock {
            if reload == nil { reloadPending = true }
            return reload
        }
        handler?()
    }

    /// Blocks until SIGTERM or SIGINT (returns at once if one came earlier), calling `reload` on the signal queue,
    /// one at a time, for each SIGHUP meanwhile.
    func wait(reload: @escaping @Sendable () -> Void) {
        let pending = lock.withLock {
            self.reload = reload
            waiting = true
            defer { reloadPending = false }
            return reloadPending
        }
        if pending { queue.async(execute: reload) }
        done.wait()
        sources.forEach { $0.cancel() }
    }
}

/// Ends the process if a graceful stop takes longer than its bound (a job stuck in resolution, a request that
/// never finishes): whatever transaction is open is rolled back by the store, which is what a crash would do.
final class ShutdownWatchdog: @unchecked Sendable {
    private let disarmed = DispatchSemaphore(value: 0)

    init(seconds: Double) {
        Thread.detachNewThread { [disarmed] in
            if disarmed.wait(timeout: .now() + seconds) == .timedOut {
                ServiceLog.write(.error, "shutdown took too long; exiting with the work in progress rolled back", [("bound_s", .double(seconds))])
                exit(0)
            }
        }
    }

    func disarm() { disarmed.signal() }
}
