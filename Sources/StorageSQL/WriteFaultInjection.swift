import Foundation
import Synchronization

/// A crash-test hook: with `LIENTHONG_FAULT_EXIT_AFTER_WRITES=N` in the environment, the process ends abruptly
/// (`_exit(86)`, no cleanup, no rollback — as a power cut or `kill -9` would) right after its N-th write statement,
/// whatever transaction is open. The crash-safety tests run an ingest for N = 1, 2, … and check that the store is
/// always either as before the batch or as after it. Unset (always, in production) it costs one load per write.
enum WriteFaultInjection {
    /// The exit status that tells a test the fault fired.
    static let exitStatus: Int32 = 86
    private static let limit: Int? = ProcessInfo.processInfo.environment["LIENTHONG_FAULT_EXIT_AFTER_WRITES"].flatMap(Int.init)
    private static let count = Atomic<Int>(0)

    /// Counts one write statement; ends the process when the limit is reached.
    static func wrote() {
        guard let limit else { return }
        if count.add(1, ordering: .relaxed).newValue >= limit {
            FileHandle.standardError.write(Data("lienthong: fault injection: exiting after write \(limit)\n".utf8))
            _exit(exitStatus)
        }
    }
}
