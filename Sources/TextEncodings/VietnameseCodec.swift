import Foundation

/// Decoding and encoding of Unicode and legacy Vietnamese text. Output is always Unicode NFC.
public enum VietnameseCodec {
    /// Decodes bytes to a String in Unicode NFC.
    ///
    /// - UTF-8: a leading BOM is stripped; invalid UTF-8 throws `TextDecodingError` with the byte offset.
    /// - UTF-16: BOM selects the byte order (little-endian without one); lone surrogates and an odd byte count throw.
    /// - TCVN3, VNI, CP1258: table decoding; CP1258 and TCVN3 combining marks are composed to NFC; bytes the
    ///   encoding leaves undefined throw.
    @inlinable
    public static func decode(_ bytes: some Collection<UInt8>, as encoding: TextEncoding) throws -> String {
        if let result = try bytes.withContiguousStorageIfAvailable({ try decodeBuffer($0, as: encoding) }) {
            return result
        }
        let copy = Array(bytes)
        return try copy.withUnsafeBufferPointer { try decodeBuffer($0, as: encoding) }
    }

    /// Non-generic core of `decode(_:as:)`, for callers that already hold contiguous bytes.
    public static func decodeBuffer(_ buffer: UnsafeBufferPointer<UInt8>, as encoding: TextEncoding) throws -> String {
        switch encoding {
        case .utf8: return try decodeUTF8(buffer)
        case .utf16: return try decodeUTF16(buffer)
        case .tcvn3: return try decodeTable(buffer, SingleByteTables.tcvn3Decode, encoding)
        case .windows1258: return try decodeTable(buffer, SingleByteTables.cp1258Decode, encoding)
        case .vni: return try decodeVNI(buffer)
        }
    }

    /// Encodes text (any normalisation form) to `encoding`; nil if a character is not representable.
    ///
    /// - TCVN3: the full TCVN 5712 table, as glibc's `TCVN5712-1`. The capitals that the VN3 font subset lacks
    ///   (Ú Ụ Ừ Ử Ữ Ứ Ự Ỳ Ỷ Ỹ Ý Ỵ) are written at their C0 positions 0x01–0x17 and the other toned capitals at
    ///   0x80–0x9F, so every one of the 134 letters round-trips and `iconv` agrees. ASCII control bytes that
    ///   TCVN3 reuses for letters are not representable (nil).
    /// - CP1258: precomposed where the code page has the letter, otherwise base letter + combining tone byte
    ///   (the same choice as Windows and glibc).
    /// - VNI: ASCII and the Vietnamese letters only; other non-ASCII characters are not representable.
    /// - UTF-16 is written little-endian with a BOM; UTF-8 without a BOM.
    public static func encode(_ text: String, as encoding: TextEncoding) -> [UInt8]? {
        let nfc = text.precomposedStringWithCanonicalMapping
        switch encoding {
        case .utf8: return Array(nfc.utf8)
        case .utf16:
            var out: [UInt8] = [0xFF, 0xFE]
            for unit in nfc.utf16 { out.append(UInt8(unit & 0xFF)); out.append(UInt8(unit >> 8)) }
            return out
        case .tcvn3: return encodeSingleByte(nfc, SingleByteTables.tcvn3Encode, reservedControls: true)
        case .windows1258: return encodeSingleByte(nfc, SingleByteTables.cp1258Encode, reservedControls: false)
        case .vni: return encodeVNI(nfc)
        }
    }

    // MARK: - Unicode

    static func decodeUTF8(_ buffer: UnsafeBufferPointer<UInt8>) throws -> String {
        var body = buffer
        if body.count >= 3, body[0] == 0xEF, body[1] == 0xBB, body[2] == 0xBF {
            body = UnsafeBufferPointer(rebasing: buffer[3...])
        }
        let check = UTF8Validation.validate(body)
        if let bad = check.invalidOffset {
            throw TextDecodingError(encoding: .utf8, byteOffset: bad + (buffer.count - body.count), reason: "invalid UTF-8 sequence")
        }
        let text = String(decoding: body, as: UTF8.self)
        return check.hasMultibyte ? UnicodeNFC.normalize(text) : text
    }

    static func decodeUTF16(_ buffer: UnsafeBufferPointer<UInt8>) throws -> String {
        var bigEndian = false
        var start = 0
        if buffer.count >= 2 {
            if buffer[0] == 0xFE && buffer[1] == 0xFF { bigEndian = true; start = 2 }
            else if buffer[0] == 0xFF && buffer[1] == 0xFE { start = 2 }
        }
        if (buffer.count - start) % 2 != 0 {
            throw TextDecodingError(encoding: .utf16, byteOffset: buffer.count - 1, reason: "odd number of bytes in UTF-16")
        }
        var scalars = String.UnicodeScalarView()
        var i = start
        func unit(_ at: Int) -> UInt32 {
            bigEndian ? UInt32(buffer[at]) << 8 | UInt32(buffer[at + 1]) : UInt32(buffer[at + 1]) << 8 | UInt32(buffer[at])
        }
        while i < buffer.count {
            let u = unit(i)
            var value = u
            if u >= 0xD800 && u <= 0xDBFF {
                guard i + 3 < buffer.count, case let low = unit(i + 2), low >= 0xDC00 && low <= 0xDFFF else {
                    throw TextDecodingError(encoding: .utf16, byteOffset: i, reason: "lone high surrogate")
                }
                value = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)
                i += 2
            } else if u >= 0xDC00 && u <= 0xDFFF {
                throw TextDecodingError(encoding: .utf16, byteOffset: i, reason: "lone low surrogate")
            }
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            i += 2
        }
        return UnicodeNFC.normalize(String(scalars))
    }

    // MARK: - Legacy decoding

    static func decodeTable(_ buffer: UnsafeBufferPointer<UInt8>, _ table: [UInt16], _ encoding: TextEncoding) throws -> String {
        var scalars = String.UnicodeScalarView()
        var combining = false
        for (offset, byte) in buffer.enumerated() {
            let value = table[Int(byte)]
            if value == 0 && byte != 0 {
                throw TextDecodingError(encoding: encoding, byteOffset: offset, reason: "byte 0x\(String(byte, radix: 16, uppercase: true)) is undefined")
            }
            if value >= 0x0300 && value <= 0x036F { combining = true }
            if let scalar = Unicode.Scalar(UInt32(value)) { scalars.append(scalar) }
        }
        let text = String(scalars)
        return combining ? text.precomposedStringWithCanonicalMapping : text
    }

    static func decodeVNI(_ buffer: UnsafeBufferPointer<UInt8>) throws -> String {
        var scalars = String.UnicodeScalarView()
        let table = SingleByteTables.cp1252Decode
        var i = 0
        while i < buffer.count {
            let byte = buffer[i]
            if i + 1 < buffer.count, buffer[i + 1] >= 0xC0,
                let letter = VNITable.pairs[UInt16(byte) << 8 | UInt16(buffer[i + 1])] {
                scalars.append(letter)
                i += 2
                continue
            }
            if let letter = VNITable.singles[byte] {
                scalars.append(letter)
            } else {
                let value = table[Int(byte)]
                if value == 0 && byte != 0 {
                    throw TextDecodingError(encoding: .vni, byteOffset: i, reason: "byte 0x\(String(byte, radix: 16, uppercase: true)) is undefined")
                }
                if let scalar = Unicode.Scalar(UInt32(value)) { scalars.append(scalar) }
            }
            i += 1
        }
        return String(scalars)
    }

    // MARK: - Legacy encoding

    private static let toneMarks: Set<UInt32> = [0x0300, 0x0301, 0x0303, 0x0309, 0x0323]

    static func encodeSingleByte(_ nfc: String, _ map: [UInt32: UInt8], reservedControls: Bool) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(nfc.utf8.count)
        for character in nfc {
            let scalars = character.unicodeScalars
            if scalars.allSatisfy({ $0.value < 0x80 }) {
                for scalar in scalars {
                    if reservedControls && SingleByteTables.tcvn3Control[UInt8(scalar.value)] != nil { return nil }
                    out.append(UInt8(scalar.value))
                }
                continue
            }
            if scalars.count == 1, let scalar = scalars.first {
                if let byte = map[scalar.value] { out.append(byte); continue }
            }
            // Base letter (with breve/circumflex/horn) + one combining tone byte.
            let decomposed = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
            var base = String.UnicodeScalarView()
            var tones: [UInt8] = []
            for scalar in decomposed {
                if toneMarks.contains(scalar.value) {
                    guard let byte = map[scalar.value] else { return nil }
                    tones.append(byte)
                } else {
                    base.append(scalar)
                }
            }
            let composedBase = String(base).precomposedStringWithCanonicalMapping.unicodeScalars
            guard composedBase.count == 1, let baseScalar = composedBase.first, !tones.isEmpty else { return nil }
            if baseScalar.value < 0x80 {
                out.append(UInt8(baseScalar.value))
            } else if let byte = map[baseScalar.value] {
                out.append(byte)
            } else {
                return nil
            }
            out.append(contentsOf: tones)
        }
        return out
    }

    static func encodeVNI(_ nfc: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(nfc.utf8.count)
        for character in nfc {
            if character.unicodeScalars.allSatisfy({ $0.value < 0x80 }) {
                out.append(contentsOf: character.unicodeScalars.map { UInt8($0.value) })
                continue
            }
            guard let bytes = VNITable.encode[String(character)] else { return nil }
            out.append(contentsOf: bytes)
        }
        return out
    }
}
