import Domain
import Foundation
import Hashing
import Mapping
import Reference

/// The fingerprint of a decoded source record under one mapping: SHA-256 of a salt and the record's decoded tree
/// (the first 128 bits, in hex). The salt holds everything else that decides what a record maps to — the source,
/// the mapping file's bytes, the reference tables' bytes and the program binary — so an equal fingerprint means the
/// record maps to the same mentions and links as when it was staged, and changing any of those re-maps every record
/// once. Mentions keep the fingerprint of the record they were staged from (`StoreTransaction.stage`); a re-ingest
/// of an unchanged record finds it there and skips mapping and staging (a sync of a source with 1% changed records
/// then costs little more than decoding it).
///
/// The tree is serialised unambiguously (a tag per node, a length before every string and count), so two different
/// trees never hash the same bytes; the location is not part of it (a record that only moved is unchanged).
struct RecordFingerprint {
    private let salt: [UInt8]

    /// The mapping and reference parts are digests of the bytes that were loaded (a file edited since, not yet
    /// reloaded, does not count). Nil when some part is unknown: then nothing is skipped.
    init?(mapping: Mapping, reference: ReferenceData) {
        guard let mappingDigest = mapping.sourceDigest, !reference.sourceDigest.isEmpty, let program = Self.programIdentity()
        else { return nil }
        var salt: [UInt8] = []
        for part in ["lienthong-record-fingerprint-1", program, mapping.source, mappingDigest, reference.sourceDigest] {
            Self.append(string: part, to: &salt)
        }
        self.salt = salt
    }

    /// The fingerprint of a record's decoded fields.
    func digest(_ fields: RawNode) -> String {
        var bytes = salt
        bytes.reserveCapacity(salt.count + 1024)
        Self.append(fields, to: &bytes)
        return Digest.hex(Digest.sha256(bytes).prefix(16))
    }

    /// The running binary's version, size and modification time: any rebuild or upgrade re-maps everything once
    /// (normalisation code may have changed what a record maps to).
    private static func programIdentity() -> String? {
        guard let path = Bundle.main.executablePath,
            let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date
        else { return nil }
        return "\(LienThong.version) \(size) \(modified.timeIntervalSince1970)"
    }

    private static func append(_ node: RawNode, to bytes: inout [UInt8]) {
        switch node {
        case .null:
            bytes.append(0)
        case .text(let text):
            bytes.append(1)
            append(string: text, to: &bytes)
        case .list(let items):
            bytes.append(2)
            append(count: items.count, to: &bytes)
            for item in items { append(item, to: &bytes) }
        case .object(let pairs):
            bytes.append(3)
            append(count: pairs.count, to: &bytes)
            for pair in pairs {
                append(string: pair.key, to: &bytes)
                append(pair.value, to: &bytes)
            }
        }
    }

    private static func append(string: String, to bytes: inout [UInt8]) {
        append(count: string.utf8.count, to: &bytes)
        bytes.append(contentsOf: string.utf8)
    }

    private static func append(count: Int, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: UInt64(count).littleEndian) { bytes.append(contentsOf: $0) }
    }
}
