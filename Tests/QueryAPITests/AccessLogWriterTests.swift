import Foundation
import Testing

@testable import QueryAPI

/// Group commit of the access log: every append returns only after a commit that held its entries, entries are
/// committed once each and a caller's entries stay together and in order, concurrent appends share commits, and a
/// failed commit fails exactly the callers whose entries it held.
@Suite struct AccessLogWriterTests {
    /// What the fake store committed, batch by batch.
    final class Committed: @unchecked Sendable {
        private let lock = NSLock()
        private var batches: [[String]] = []
        var failNext = false

        func commit(_ entries: [String]) throws {
            Thread.sleep(forTimeInterval: 0.005)  // an fsync
            try lock.withLock {
                if failNext {
                    failNext = false
                    throw CocoaError(.fileWriteUnknown)
                }
                batches.append(entries)
            }
        }

        private var early = 0

        var all: [[String]] { lock.withLock { batches } }
        var returnedEarly: Int { lock.withLock { early } }
        func check(returned entries: [String]) {
            lock.withLock { if !entries.allSatisfy({ entry in batches.contains { $0.contains(entry) } }) { early += 1 } }
        }
    }

    @Test func concurrentAppendsShareCommitsAndReturnOnlyOnceCommitted() throws {
        let committed = Committed()
        let writer = AccessLogWriter<String> { try committed.commit($0) }
        let callers = 32, appendsEach = 20
        let finished = DispatchGroup()
        for caller in 0..<callers {  // threads, not a pool: as many in flight as request threads would be
            finished.enter()
            Thread {
                for n in 0..<appendsEach {
                    let entries = ["\(caller).\(n).a", "\(caller).\(n).b"]
                    try? writer.append(entries)
                    committed.check(returned: entries)
                }
                finished.leave()
            }.start()
        }
        finished.wait()
        #expect(committed.returnedEarly == 0, "append returned before its entries were committed")
        let batches = committed.all
        let flat = batches.flatMap { $0 }
        #expect(flat.count == callers * appendsEach * 2)
        #expect(Set(flat).count == flat.count, "an entry was committed twice")
        for batch in batches {
            for (index, entry) in batch.enumerated() where entry.hasSuffix(".a") {
                #expect(index + 1 < batch.count && batch[index + 1] == String(entry.dropLast()) + "b", "a caller's entries were split or reordered")
            }
        }
        // Each caller's appends are sequential, so its entries appear in its own order.
        for caller in 0..<callers {
            let own = flat.filter { $0.hasPrefix("\(caller).") }
            #expect(own == (0..<appendsEach).flatMap { ["\(caller).\($0).a", "\(caller).\($0).b"] })
        }
        #expect(batches.count < callers * appendsEach, "no two appends shared a commit")
    }

    @Test func aLoneAppendCommitsAtOnce() throws {
        let committed = Committed()
        let writer = AccessLogWriter<String> { try committed.commit($0) }
        try writer.append(["one"])
        try writer.append([])
        try writer.append(["two"])
        #expect(committed.all == [["one"], ["two"]])
    }

    @Test func aFailedCommitFailsItsCallersAndTheNextOneSucceeds() throws {
        let committed = Committed()
        let writer = AccessLogWriter<String> { try committed.commit($0) }
        committed.failNext = true
        #expect(throws: CocoaError.self) { try writer.append(["lost"]) }
        try writer.append(["kept"])
        #expect(committed.all == [["kept"]])
    }
}
