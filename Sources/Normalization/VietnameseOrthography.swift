import Foundation

/// Canonical spelling of Vietnamese text: one Unicode form, one tone-mark placement, one apostrophe,
/// single spaces. Two spellings of the same word compare equal after `canonicalText`.
public enum VietnameseOrthography {
    /// Canonical tone-mark placement (the one the national unit lists use): Hoà→Hòa, Hoá→Hóa, Thuỷ→Thủy,
    /// Thuỵ→Thụy, Khoá→Khóa, Uý→Úy, qúy→quý, Hòang→Hoàng. Works on NFC or NFD input; the output is NFC.
    /// Words that are not one Vietnamese syllable are left as they are (see `ToneMarkPlacement`).
    public static func canonicalToneMarks(_ text: String) -> String {
        let nfc = nfcIfNeeded(text)
        if isASCII(nfc) { return nfc }
        return rewrite(nfc, punctuationAndSpaces: false)
    }

    /// NFC, canonical tone marks, apostrophes and quotes made straight (’ ‘ ʼ ` ´ → ', “ ” „ « » → "),
    /// dashes made ASCII (‐ ‑ ‒ – — ― − → -), zero-width characters removed, whitespace (tabs, no-break
    /// spaces, line breaks) collapsed to single spaces and trimmed at both ends.
    public static func canonicalText(_ text: String) -> String {
        if isCanonicalASCII(text) { return text }
        return rewrite(nfcIfNeeded(text), punctuationAndSpaces: true)
    }

    /// True when every scalar is ASCII; such text needs no Unicode work.
    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// NFC, skipping Foundation when the text is already NFC by construction: only scalars below U+0300
    /// (Latin-1, Latin Extended-A/B) and precomposed Vietnamese letters (U+1EA0–U+1EF9).
    static func nfcIfNeeded(_ text: String) -> String {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x0300 || (0x1EA0...0x1EF9).contains(value) { continue }
            return text.precomposedStringWithCanonicalMapping
        }
        return text
    }

    /// Printable ASCII other than the backtick, single spaces between words, none at the ends: already canonical.
    private static func isCanonicalASCII(_ text: String) -> Bool {
        var previousSpace = true
        for byte in text.utf8 {
            switch byte {
            case 0x20:
                if previousSpace { return false }
                previousSpace = true
            case 0x21...0x7E where byte != 0x60:
                previousSpace = false
            default:
                return false
            }
        }
        return !previousSpace || text.isEmpty
    }

    /// One pass over NFC text: tone marks moved word by word; with `punctuationAndSpaces`, also the
    /// quote, dash and whitespace rules of `canonicalText`.
    private static func rewrite(_ nfc: String, punctuationAndSpaces: Bool) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(nfc.utf8.count + 4)
        var word: [Unicode.Scalar] = []
        var wordHasTone = false
        var pendingSpace = false
        func emit(_ scalar: Unicode.Scalar) {
            if pendingSpace {
                output.append(0x20)
                pendingSpace = false
            }
            appendUTF8(scalar, to: &output)
        }
        func flush() {
            guard !word.isEmpty else { return }
            if wordHasTone { ToneMarkPlacement.canonicalise(&word) }
            for scalar in word { emit(scalar) }
            word.removeAll(keepingCapacity: true)
            wordHasTone = false
        }
        for scalar in nfc.unicodeScalars {
            if VietnameseScalars.isWordScalar(scalar) {
                if !wordHasTone, let parts = VietnameseVowels.parts(of: scalar), parts.tone != .level {
                    wordHasTone = true
                }
                word.append(scalar)
                continue
            }
            flush()
            guard punctuationAndSpaces else {
                appendUTF8(scalar, to: &output)
                continue
            }
            switch scalar.value {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x02BC, 0x02B9, 0x0060, 0x00B4, 0x2032: emit("'")
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033: emit("\"")
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63, 0xFF0D: emit("-")
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: continue  // zero-width: invisible, never meaningful here
            default:
                if VietnameseScalars.isWhitespace(scalar) {
                    pendingSpace = !output.isEmpty
                } else {
                    emit(scalar)
                }
            }
        }
        flush()
        return String(decoding: output, as: UTF8.self)
    }

    @inline(__always)
    static func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            bytes.append(UInt8(value))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (value >> 6)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (value >> 12)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (value >> 18)))
            bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        }
    }
}
