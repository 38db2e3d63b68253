import Domain
import Foundation
import Mapping
import Storage

/// What re-driving quarantined records through a (fixed) mapping did.
struct QuarantineRetryReport: Codable {
    /// Mapped and staged now; their quarantine entries are marked `retried`.
    var staged: [Int64] = []
    /// Still failing: their reasons were refreshed with what this mapping says.
    var stillFailing: [Int64] = []
    /// Never decoded (malformed input): only a corrected file can bring them in.
    var notRetryable: [Int64] = []
    /// Of another source than the mapping's.
    var otherSource: [Int64] = []
    /// Whose stored decoded record could not be read back (a damaged row), with why: left open, untouched.
    var unreadable: [Unreadable] = []
    var counts = RunCounts()

    struct Unreadable: Codable {
        var id: Int64
        var error: String
    }
}

extension IngestPipeline {
    /// Re-drives quarantined records through this pipeline's mapping in one transaction (recorded in `job_runs`
    /// as `retry`), then resolves what they changed. Records of other sources are left alone.
    func retry(_ records: [QuarantinedRecord]) throws -> QuarantineRetryReport {
        let time = Clock.now()
        let runID = try store.write { try $0.startRun(source: jobName, at: time) }
        do {
            let report = try store.write { transaction -> QuarantineRetryReport in
                try resolver.prepareIndex(in: transaction)
                var report = QuarantineRetryReport()
                var changed = ChangedMentions()
                for quarantined in records {
                    guard quarantined.source == mapping.source else {
                        report.otherSource.append(quarantined.id)
                        continue
                    }
                    guard let json = quarantined.recordJSON else {
                        report.notRetryable.append(quarantined.id)
                        continue
                    }
                    let fields: RawNode
                    do {
                        fields = try RawNode(jsonText: json)
                    } catch {
                        report.unreadable.append(.init(id: quarantined.id, error: "\(error)"))
                        continue
                    }
                    report.counts.read += 1
                    let record = RawRecord(location: quarantined.location, fields: fields, rawText: quarantined.rawText)
                    switch evaluator.evaluate(record) {
                    case .mapped(let mentions, let links):
                        var known: FirstLoadMemory?  // a retry re-drives records of a source already loaded
                        try stageMapped(
                            mentions, links: links, recordDigest: fingerprint?.digest(fields), counts: &report.counts, changed: &changed,
                            firstLoad: &known, in: transaction, at: time)
                        try transaction.updateQuarantined(id: quarantined.id, status: "retried", reasons: quarantined.reasons)
                        report.staged.append(quarantined.id)
                    case .quarantined(let reasons):
                        report.counts.quarantined += 1
                        try transaction.updateQuarantined(id: quarantined.id, status: "open", reasons: reasons)
                        report.stillFailing.append(quarantined.id)
                    }
                }
                if resolve { report.counts.record(try resolver.resolve(changed: changed.ids, in: transaction, at: time)) }
                return report
            }
            try store.write { try $0.finishRun(id: runID, status: "retry", counts: report.counts, error: nil, at: Clock.now()) }
            return report
        } catch {
            try? store.write { try $0.finishRun(id: runID, status: "failed", counts: RunCounts(), error: "\(error)", at: Clock.now()) }
            throw error
        }
    }
}
