import Foundation

/// A named field transform. String transforms rewrite the text; parsing transforms (`name`, `date*`,
/// identifiers, `phone`) choose how a typed field is read, and in a text field give the canonical text.
public enum Transform: String, Sendable, Hashable, CaseIterable {
    case trim
    case upper
    case lower
    /// Collapses runs of whitespace to one space and trims.
    case collapseSpaces = "collapse_spaces"
    /// Unicode NFC.
    case nfc
    /// Keeps only the ASCII digits.
    case digits
    /// Removes leading zeros (keeps one zero for an all-zero value).
    case stripLeadingZeros = "strip_leading_zeros"
    /// Person name normalisation (canonical full name).
    case name
    /// Date with automatic field order; `date_dmy`, `date_ymd`, `date_mdy` fix the order.
    case date
    case dateDMY = "date_dmy"
    case dateYMD = "date_ymd"
    case dateMDY = "date_mdy"
    case personalNumber = "personal_number"
    case cmnd9
    case enterpriseCode = "enterprise_code"
    /// Vietnamese phone number to E.164.
    case phone

    /// All names, for suggestions.
    public static var names: [String] { allCases.map(\.rawValue) }

    /// True for transforms that parse a typed value rather than rewrite text.
    public var isParsing: Bool {
        switch self {
        case .trim, .upper, .lower, .collapseSpaces, .nfc, .digits, .stripLeadingZeros: return false
        default: return true
        }
    }

    /// The date order a date transform asks for.
    var dateOrder: DateOrderHint? {
        switch self {
        case .date: return .auto
        case .dateDMY: return .dayMonthYear
        case .dateYMD: return .yearMonthDay
        case .dateMDY: return .monthDayYear
        default: return nil
        }
    }

    /// Applies a string transform; parsing transforms return the text unchanged (the evaluator runs them).
    func rewrite(_ text: String) -> String {
        switch self {
        case .trim: return MappingText.trimmed(text)
        case .upper: return text.uppercased()
        case .lower: return text.lowercased()
        case .collapseSpaces: return MappingText.collapsingSpaces(text)
        case .nfc: return text.precomposedStringWithCanonicalMapping
        case .digits: return MappingText.asciiDigits(text)
        case .stripLeadingZeros:
            let stripped = text.drop(while: { $0 == "0" })
            return stripped.isEmpty && !text.isEmpty ? "0" : String(stripped)
        default: return text
        }
    }
}

/// Field order for date parsing, mirrored from `DateNormalizer.FieldOrder` so the model needs no normaliser.
enum DateOrderHint: Sendable {
    case auto, dayMonthYear, monthDayYear, yearMonthDay
}
