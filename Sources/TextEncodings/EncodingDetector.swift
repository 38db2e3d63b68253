/// Guesses the encoding of a sample of a file.
public enum EncodingDetector {
    /// Detects the encoding of `sample` (typically the first 64 KiB of a file):
    /// 1. a byte-order mark (UTF-8, UTF-16 LE/BE);
    /// 2. valid UTF-8 (an incomplete sequence at the very end is allowed): UTF-8, also for pure ASCII;
    /// 3. otherwise each legacy table decodes the sample and the one whose non-ASCII words are most often valid
    ///    Vietnamese syllables wins (impossible letter sequences, controls and undefined bytes are penalised).
    ///    Ties go to Windows-1258.
    public static func detect(_ sample: some Collection<UInt8>) -> TextEncoding {
        let bytes = Array(sample)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return .utf8 }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return .utf16
        }
        let utf8 = bytes.withUnsafeBufferPointer { UTF8Validation.validate($0, allowTruncatedEnd: true) }
        if utf8.invalidOffset == nil { return .utf8 }
        var best: (encoding: TextEncoding, score: Int) = (.windows1258, Int.min)
        for encoding in [TextEncoding.windows1258, .tcvn3, .vni] {
            let score = self.score(bytes, as: encoding)
            if score > best.score { best = (encoding, score) }
        }
        return best.encoding
    }

    /// Syllable score of `bytes` decoded as `encoding`: +1 per valid non-ASCII word, −1 per invalid one,
    /// −2 per undefined byte or stray control character.
    public static func score(_ bytes: [UInt8], as encoding: TextEncoding) -> Int {
        var score = 0
        var chunk: [UInt8] = []
        var text = String.UnicodeScalarView()
        // Decode line by line so that one undefined byte costs a penalty, not the whole sample.
        func flush() {
            guard !chunk.isEmpty else { return }
            if let decoded = try? VietnameseCodec.decode(chunk, as: encoding) {
                text.append(contentsOf: decoded.unicodeScalars)
            } else {
                score -= 2 * max(1, chunk.count / 40)
            }
            text.append("\n")
            chunk.removeAll(keepingCapacity: true)
        }
        for byte in bytes {
            if byte == 0x0A { flush() } else { chunk.append(byte) }
        }
        flush()
        var word = String.UnicodeScalarView()
        var nonASCII = false
        func endWord() {
            if nonASCII { score += VietnameseSyllable.isValid(String(word)) ? 1 : -1 }
            word.removeAll()
            nonASCII = false
        }
        for scalar in text {
            if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark {
                word.append(scalar)
                if scalar.value >= 0x80 { nonASCII = true }
            } else {
                endWord()
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\r" && scalar != "\n" { score -= 2 }
                if scalar.value >= 0x80 && scalar.value < 0x2000 && scalar.value != 0xA0 { score -= 1 }
            }
        }
        endWord()
        return score
    }
}
