import TextEncodings

extension JSONValueParser {
    /// TCVN3 keeps capital letters at these C0 positions; inside TCVN3 text they are letters, not controls.
    private static let tcvn3Letters: Set<UInt8> = [0x01, 0x02, 0x04, 0x05, 0x06, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17]

    /// Parses a string starting at its opening quote; `i` ends after the closing quote.
    func parseString(_ i: inout Int) throws(JSONParseStop) -> String {
        let open = i
        var k = i + 1
        var segmentStart = k
        var highBits: UInt8 = 0
        var result = ""
        var escaped = false
        while true {
            guard k < end else {
                if eof { throw .invalid(at: open, rule: "json.unterminated_string", message: "string is not closed before the end of input") }
                throw .needMore
            }
            let b = p[k]
            if b == 0x22 { break }
            if b == 0x5C {
                result += try segment(segmentStart, k, highBits)
                highBits = 0
                escaped = true
                result.unicodeScalars.append(try escape(&k))
                segmentStart = k
                continue
            }
            if b < 0x20 && !(text.encoding == .tcvn3 && Self.tcvn3Letters.contains(b)) {
                throw .invalid(at: k, rule: "json.control_character", message: "raw control character \(Self.show(b)) in a string")
            }
            highBits |= b
            k += 1
        }
        let last = try segment(segmentStart, k, highBits)
        i = k + 1
        return escaped ? UnicodeNFC.normalize(result + last) : last
    }

    private func segment(_ start: Int, _ stop: Int, _ highBits: UInt8) throws(JSONParseStop) -> String {
        guard start < stop else { return "" }
        do {
            return try text.string(UnsafeBufferPointer(rebasing: p[start..<stop]), highBits: highBits | (text.encoding == .tcvn3 ? 0x80 : 0))
        } catch let error as TextDecodingError {
            if text.encoding == .utf8 || text.encoding == .utf16 {
                throw .invalid(at: start + error.byteOffset, rule: "encoding.invalid_utf8", message: "\(error.reason) (file read as \(text.encoding.rawValue))")
            }
            // Each undefined byte becomes U+FFFD and the rest is read as it is, so two damaged keys stay two keys. The
            // first few places are kept for the record's reasons.
            var result = ""
            var from = start
            var failure: TextDecodingError? = error
            while let current = failure {
                let bad = from + current.byteOffset
                if undecodable.found.count < JSONValueParser.UndecodableStrings.kept { undecodable.found.append((at: bad, reason: current.reason)) }
                result += (try? text.string(UnsafeBufferPointer(rebasing: p[from..<bad]), highBits: 0xFF)) ?? ""
                result += "\u{FFFD}"
                from = bad + 1
                failure = nil
                guard from < stop else { break }
                do {
                    result += try text.string(UnsafeBufferPointer(rebasing: p[from..<stop]), highBits: 0xFF)
                } catch let next as TextDecodingError {
                    failure = next
                } catch {
                    break
                }
            }
            return result
        } catch {
            throw .invalid(at: start, rule: "encoding.invalid", message: "\(error)")
        }
    }

    /// Parses one escape at `k` (the backslash); `k` ends after it.
    private func escape(_ k: inout Int) throws(JSONParseStop) -> Unicode.Scalar {
        let at = k
        guard k + 1 < end else {
            if eof { throw .invalid(at: at, rule: "json.unterminated_string", message: "string is not closed before the end of input") }
            throw .needMore
        }
        let c = p[k + 1]
        k += 2
        switch c {
        case 0x22: return "\""
        case 0x5C: return "\\"
        case 0x2F: return "/"
        case 0x62: return "\u{08}"
        case 0x66: return "\u{0C}"
        case 0x6E: return "\n"
        case 0x72: return "\r"
        case 0x74: return "\t"
        case 0x75:
            let high = try hex4(at: k, escapeAt: at)
            k += 4
            if high >= 0xDC00 && high <= 0xDFFF {
                throw .invalid(at: at, rule: "json.lone_surrogate", message: "lone low surrogate \\u\(String(high, radix: 16))")
            }
            if high >= 0xD800 && high <= 0xDBFF {
                guard k + 1 < end || eof else { throw .needMore }
                guard k + 1 < end, p[k] == 0x5C, p[k + 1] == 0x75 else {
                    throw .invalid(at: at, rule: "json.lone_surrogate", message: "high surrogate \\u\(String(high, radix: 16)) is not followed by a low surrogate")
                }
                let low = try hex4(at: k + 2, escapeAt: at)
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw .invalid(at: at, rule: "json.lone_surrogate", message: "high surrogate \\u\(String(high, radix: 16)) is not followed by a low surrogate")
                }
                k += 6
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
            }
            return Unicode.Scalar(high) ?? "\u{FFFD}"
        default:
            throw .invalid(at: at, rule: "json.invalid_escape", message: "invalid escape '\\\(Self.show(c))'")
        }
    }

    private func hex4(at k: Int, escapeAt: Int) throws(JSONParseStop) -> UInt32 {
        var value: UInt32 = 0
        for j in 0..<4 {
            guard k + j < end else {
                if eof { throw .invalid(at: escapeAt, rule: "json.unterminated_string", message: "string is not closed before the end of input") }
                throw .needMore
            }
            let b = p[k + j]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw .invalid(at: escapeAt, rule: "json.invalid_escape", message: "invalid \\u escape")
            }
            value = value << 4 | digit
        }
        return value
    }
}
