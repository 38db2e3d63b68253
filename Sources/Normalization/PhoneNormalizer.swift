import Domain

/// Vietnamese phone numbers to E.164 (`+84…`).
///
/// The national significant number (after `0`, `84`, `+84` or `0084`) is
/// - a mobile number: 9 digits starting 3, 5, 7, 8 or 9;
/// - a landline in the 2017 plan: 10 digits starting 2 (area code 2x or 2xx);
/// - an old 11-digit mobile number (10 digits starting 1): its prefix is renumbered per the 2018 plan
///   (`MobilePrefixes2018`, finding `phone.renumbered_2018`), e.g. 0168 123 4567 → +84381234567;
/// - a 1800/1900 service number (kept, finding `phone.service_number`).
///
/// Other findings: `phone.empty` (warning), `phone.invalid_characters` (error), `phone.invalid_length` (error),
/// `phone.unknown_prefix` (error), `phone.old_area_code` (warning, no value: a landline in the pre-2017 plan
/// whose area code must be renumbered), `phone.missing_leading_zero` (info: the 0 a spreadsheet drops),
/// `phone.redundant_zero` (info: "+84 (0) 91…"), `phone.multiple_numbers` (warning: only the first is kept),
/// `phone.foreign` (warning: another country code, kept as written).
public enum PhoneNormalizer {
    /// To E.164 `+84…`: strips spaces, dots, dashes and parentheses; accepts `0…`, `84…`, `+84…`, `0084…`;
    /// maps the 2018 11-digit mobile prefixes to the 10-digit ones; invalid lengths → nil + finding.
    public static func normalize(_ raw: String) -> Normalized<String> {
        var findings: [Finding] = []
        let pieces = numberPieces(raw)
        guard let first = pieces.first else {
            if raw.allSatisfy(\.isWhitespace) {
                return Normalized(nil, findings: [Finding(rule: "phone.empty", severity: .warning, message: "the phone number is empty")])
            }
            return failure("phone.invalid_characters", "the phone number contains no digits")
        }
        if pieces.count > 1 {
            findings.append(
                Finding(
                    rule: "phone.multiple_numbers", severity: .warning,
                    message: "\(pieces.count) numbers given; only the first is kept"))
        }
        let digits: String
        let plus: Bool
        switch digitsAndPlus(first) {
        case .success(let read): (digits, plus) = read
        case .failure(let character):
            return failure("phone.invalid_characters", "the phone number contains '\(character)'", findings)
        }
        var nsn: Substring
        if plus || digits.hasPrefix("00") {
            let international = plus ? Substring(digits) : digits.dropFirst(2)
            guard international.hasPrefix("84") else { return foreign(international, findings) }
            nsn = international.dropFirst(2)
        } else if digits.hasPrefix("0") {
            nsn = digits.dropFirst()
        } else if digits.hasPrefix("84"), digits.count == 11 || digits.count == 12 {
            nsn = digits.dropFirst(2)
        } else if digits.hasPrefix("1800") || digits.hasPrefix("1900"), digits.count == 8 || digits.count == 10 {
            nsn = Substring(digits)
        } else {
            guard (9...10).contains(digits.count) else {
                return failure("phone.invalid_length", "\(digits.count) digits without a leading 0 or +84", findings)
            }
            nsn = Substring(digits)
            findings.append(
                Finding(
                    rule: "phone.missing_leading_zero", severity: .info,
                    message: "the number lacks its leading 0 (as spreadsheets drop it)"))
        }
        if nsn.hasPrefix("0") {
            nsn = nsn.dropFirst()
            findings.append(
                Finding(rule: "phone.redundant_zero", severity: .info, message: "the 0 after the country code was dropped"))
        }
        return classify(nsn, findings)
    }

    /// The parts between `,` `;` `/` `|` that hold a digit.
    private static func numberPieces(_ raw: String) -> [Substring] {
        let isSeparator: (Character) -> Bool = { $0 == "," || $0 == ";" || $0 == "/" || $0 == "|" }
        guard SimpleText.isPrintableASCII(raw) else {
            return raw.split(whereSeparator: isSeparator).filter { $0.contains(where: \.isNumber) }
        }
        // Printable ASCII: one byte per Character, and only 0–9 are numbers.
        var pieces: [Substring] = []
        let bytes = raw.utf8
        var start = bytes.startIndex
        var hasDigit = false
        var index = start
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "|") {
                if hasDigit { pieces.append(raw[start..<index]) }
                start = bytes.index(after: index)
                hasDigit = false
            } else if byte >= 0x30 && byte <= 0x39 {
                hasDigit = true
            }
            index = bytes.index(after: index)
        }
        if hasDigit { pieces.append(raw[start..<bytes.endIndex]) }
        return pieces
    }

    /// The digits of one number and whether it began with `+`; the first other character fails it.
    /// Spaces, dots, dashes, parentheses, no-break spaces and tabs are skipped.
    private static func digitsAndPlus(_ piece: Substring) -> Result<(String, Bool), CharacterError> {
        var plus = false
        guard SimpleText.isPrintableASCII(piece) else {
            var digits = ""
            for character in piece {
                switch character {
                case "0"..."9": digits.append(character)
                case "+" where digits.isEmpty && !plus: plus = true
                case " ", ".", "-", "(", ")", "\u{00A0}", "\t": continue
                default: return .failure(CharacterError(character: character))
                }
            }
            return .success((digits, plus))
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(piece.utf8.count)
        for byte in piece.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(byte)
            case UInt8(ascii: "+") where digits.isEmpty && !plus: plus = true
            case UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"): continue
            default: return .failure(CharacterError(character: Character(Unicode.Scalar(byte))))
            }
        }
        return .success((String(decoding: digits, as: UTF8.self), plus))
    }

    /// The character that made a phone number invalid.
    private struct CharacterError: Error, CustomStringConvertible {
        var character: Character
        var description: String { String(character) }
    }

    private static func classify(_ nsn: Substring, _ findings: [Finding]) -> Normalized<String> {
        var findings = findings
        guard let lead = nsn.first else { return failure("phone.invalid_length", "the phone number has no digits", findings) }
        switch lead {
        case "3", "5", "7", "8", "9":
            guard nsn.count == 9 else { return invalidLength(nsn, expected: 9, findings) }
            return Normalized("+84" + nsn, findings: findings)
        case "2":
            guard nsn.count == 10 else { return invalidLength(nsn, expected: 10, findings) }
            return Normalized("+84" + nsn, findings: findings)
        case "1":
            if nsn.hasPrefix("1800") || nsn.hasPrefix("1900") {
                guard nsn.count == 8 || nsn.count == 10 else { return invalidLength(nsn, expected: 8, findings) }
                findings.append(
                    Finding(rule: "phone.service_number", severity: .warning, message: "a 1800/1900 service number"))
                return Normalized("+84" + nsn, findings: findings)
            }
            guard nsn.count == 10 else { return invalidLength(nsn, expected: 10, findings) }
            guard let renumbering = MobilePrefixes2018.byOldPrefix[String(nsn.prefix(3))] else {
                return failure("phone.unknown_prefix", "0\(nsn.prefix(3)) is not a mobile prefix", findings)
            }
            findings.append(
                Finding(
                    rule: "phone.renumbered_2018", severity: .info,
                    message:
                        "\(renumbering.carrier) prefix 0\(renumbering.oldPrefix) renumbered to 0\(renumbering.newPrefix) in 2018"
                ))
            return Normalized("+84" + renumbering.newPrefix + nsn.suffix(7), findings: findings)
        case "4", "6":
            guard (8...10).contains(nsn.count) else { return invalidLength(nsn, expected: 9, findings) }
            findings.append(
                Finding(
                    rule: "phone.old_area_code", severity: .warning,
                    message: "a landline with a pre-2017 area code (0\(lead)…); its new area code is not known here"))
            return Normalized(nil, findings: findings)
        default:
            return failure("phone.unknown_prefix", "no Vietnamese number starts with 0\(lead)", findings)
        }
    }

    private static func foreign(_ digits: Substring, _ findings: [Finding]) -> Normalized<String> {
        guard (8...15).contains(digits.count), digits.first != "0" else {
            return failure("phone.invalid_length", "an international number must have 8 to 15 digits", findings)
        }
        let finding = Finding(rule: "phone.foreign", severity: .warning, message: "not a Vietnamese number (+84)")
        return Normalized("+" + digits, findings: findings + [finding])
    }

    private static func invalidLength(_ nsn: Substring, expected: Int, _ findings: [Finding]) -> Normalized<String> {
        failure(
            "phone.invalid_length",
            "\(nsn.count + 1) digits after the prefix 0\(nsn.first.map(String.init) ?? "")…; expected \(expected + 1)",
            findings)
    }

    private static func failure(_ rule: String, _ message: String, _ findings: [Finding] = []) -> Normalized<String> {
        Normalized(nil, findings: findings + [Finding(rule: rule, severity: .error, message: message)])
    }
}
