import Dispatch
import Foundation

/// Blocks the daemon's main thread until SIGTERM or SIGINT, calling `reload` (on a Dispatch thread, one at a time)
/// for each SIGHUP meanwhile.
enum SignalWaiter {
    static func run(reload: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        let queue = DispatchQueue(label: "lienthong.signals")
        var sources: [DispatchSourceSignal] = []
        for signalNumber in [SIGTERM, SIGINT, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                if signalNumber == SIGHUP {
                    reload()
                } else {
                    done.signal()
                }
            }
            source.resume()
            sources.append(source)
        }
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
