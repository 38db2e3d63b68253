import TextEncodings

/// Which XML inputs are transcoded to UTF-8 before libxml2 (`LegacyToUTF8Source`), and from what.
///
/// - `vni`: always (libxml2 has no VNI converter).
/// - `windows-1258`, `tcvn3` forced: no, libxml2 converts them itself (glibc's CP1258 and TCVN5712-1).
/// - `auto`: libxml2 follows a byte order mark or an encoding declaration; undeclared bytes that are valid UTF-8 are
///   UTF-8; otherwise the first 64 KiB are scored as each legacy encoding (Vietnamese syllables, as for CSV and JSON)
///   and a legacy winner is transcoded. A file that declares UTF-8 but is not stays an error: the declaration is the
///   file's word.
enum XMLLegacyInput {
    static func encoding(_ requested: TextEncoding?, sample: [UInt8]) -> TextEncoding? {
        switch requested {
        case .vni: return .vni
        case .some: return nil
        case nil:
            // A BOM, a declaration, or UTF-16/UCS-4 without a BOM (NUL bytes among the first four, which libxml2
            // recognises by the `<?` pattern): libxml2's to read.
            if hasByteOrderMark(sample) || declaresEncoding(sample) || sample.prefix(4).contains(0) { return nil }
            let valid = sample.withUnsafeBufferPointer { UTF8Validation.validate($0, allowTruncatedEnd: true).invalidOffset == nil }
            if valid { return nil }
            let detected = EncodingDetector.detect(sample)
            return [.tcvn3, .windows1258, .vni].contains(detected) ? detected : nil
        }
    }

    static func hasByteOrderMark(_ sample: [UInt8]) -> Bool {
        sample.starts(with: [0xEF, 0xBB, 0xBF]) || sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF])
    }

    /// The document starts with an XML declaration that names an encoding (`<?xml version="1.0" encoding="…"?>`).
    static func declaresEncoding(_ sample: [UInt8]) -> Bool {
        guard sample.starts(with: Array("<?xml".utf8)) else { return false }
        let end = sample.indices.dropFirst(5).first { sample[$0] == UInt8(ascii: "?") && $0 + 1 < sample.count && sample[$0 + 1] == UInt8(ascii: ">") }
        guard let end else { return false }
        return String(decoding: sample[5..<end], as: UTF8.self).contains("encoding")
    }
}
