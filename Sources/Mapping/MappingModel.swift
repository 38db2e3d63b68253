import Domain

/// A loaded, checked mapping file: how one registry layout becomes canonical mentions.
public struct Mapping: Sendable {
    /// The file the mapping was read from (used in diagnostics and example locations).
    public let file: String
    public let name: String
    /// Source name written on every mention key (`population`, `land` …).
    public let source: String
    /// Registry family (`population`, `land`, `enterprise`, `commune` …).
    public let registry: String
    public let input: InputSpec
    /// How the record key is formed.
    public let key: FieldSpec
    public let outputs: [OutputSpec]
    public let links: [LinkSpec]
    public let examples: [MappingExample]
    /// FNV-1a of the exact bytes the mapping was parsed from (hex): part of a record fingerprint's salt, so it is
    /// taken from what was loaded, never from the file as it may be now.
    public internal(set) var sourceDigest: String?
}

/// How the decoder should read the input. Plain strings: the Decoding stage interprets them.
public struct InputSpec: Sendable, Hashable {
    /// `csv`, `json` or `xml`.
    public var format: String
    /// `utf-8`, `windows-1258`, `tcvn3`, `vni` or `auto`; nil means the decoder's default.
    public var encoding: String?
    /// XML record element name or path, or JSON pointer to the record array.
    public var record: String?
    /// CSV field delimiter (one character).
    public var csvDelimiter: String?
    /// Whether the CSV's first line names the columns (default true).
    public var csvHeader: Bool
    /// CSV: other names a header may give a column, by the name the mapping uses (`ho_ten: [Họ và tên, HOTEN]`).
    public var csvAliases: [String: [String]] = [:]
    /// XML: prefix → namespace URI, the prefixes the selectors use (`dc: urn:…` makes `dc:ho_ten` select it).
    public var xmlNamespaces: [String: String] = [:]
    /// XML: the XSD to validate against while decoding, resolved against the mapping file's directory.
    public var xmlSchema: String?

    public init(
        format: String, encoding: String? = nil, record: String? = nil, csvDelimiter: String? = nil, csvHeader: Bool = true,
        xmlSchema: String? = nil
    ) {
        self.xmlSchema = xmlSchema
        self.format = format
        self.encoding = encoding
        self.record = record
        self.csvDelimiter = csvDelimiter
        self.csvHeader = csvHeader
    }
}

/// Where a field's raw value comes from.
public enum ValueSource: Sendable, Hashable {
    /// A selector into the raw record (`ho_khau/@so`).
    case path(RawPath)
    /// A template joining literal text and selected values (`{so_ho_khau}-{stt}`).
    case template(Template)
}

/// `literal{selector}literal…`: every selected value must be present for the template to produce text, except
/// optional ones (`{selector?}`), which add nothing when missing; a template whose selected values are all missing
/// or empty produces nothing.
public struct Template: Sendable, Hashable, CustomStringConvertible {
    public enum Part: Sendable, Hashable {
        case literal(String)
        case field(RawPath)
        case optionalField(RawPath)
    }

    public var parts: [Part]

    public init(parts: [Part]) { self.parts = parts }

    public var description: String {
        parts.map { part in
            switch part {
            case .literal(let text): return text
            case .field(let path): return "{\(path)}"
            case .optionalField(let path): return "{\(path)?}"
            }
        }.joined()
    }
}

/// One canonical field's recipe: source, string transforms, code table, default, requiredness.
public struct FieldSpec: Sendable, Hashable {
    /// Nil when the field only has a default.
    public var source: ValueSource?
    public var transforms: [Transform]
    /// Code table applied after the transforms; keys match accent- and case-insensitively.
    public var codes: [String: String]
    public var defaultValue: String?
    /// Nil when the file does not say; each field has its own default.
    public var required: Bool?
    /// Where the field is declared in the mapping file.
    public var location: SourceLocation

    public init(
        source: ValueSource?, transforms: [Transform] = [], codes: [String: String] = [:], defaultValue: String? = nil,
        required: Bool? = nil, location: SourceLocation
    ) {
        self.source = source
        self.transforms = transforms
        self.codes = codes
        self.defaultValue = defaultValue
        self.required = required
        self.location = location
    }

    /// The selector or template as written, for messages.
    public var sourceDescription: String {
        switch source {
        case .path(let path): return path.description
        case .template(let template): return template.description
        case nil: return "default"
        }
    }
}

/// A condition on the raw record: `{field: sel, equals: X}`, `{field: sel, in: [X, Y]}`, `{field: sel, present: true}`.
/// Values compare after trimming, ignoring case and accents.
public struct Condition: Sendable, Hashable {
    public enum Test: Sendable, Hashable {
        case oneOf([String])
        case present(Bool)
    }

    public var path: RawPath
    public var test: Test

    public init(path: RawPath, test: Test) {
        self.path = path
        self.test = test
    }
}

/// One identifier of a person: `{type: personal_number, from: so_dinh_danh, when:, required:}`.
public struct IdentifierSpec: Sendable, Hashable {
    public var type: IdentifierType
    public var value: FieldSpec
    public var when: Condition?
    public var required: Bool
}

/// An address: free text, or administrative codes in one scheme; either with an optional postal code.
public struct AddressSpec: Sendable, Hashable {
    public enum Form: Sendable, Hashable {
        case text(FieldSpec)
        case codes(commune: FieldSpec?, district: FieldSpec?, province: FieldSpec?, detail: FieldSpec?, scheme: AdminScheme)
    }

    public var form: Form
    public var postalCode: FieldSpec?

    public init(_ form: Form, postalCode: FieldSpec? = nil) {
        self.form = form
        self.postalCode = postalCode
    }
}

/// One canonical mention produced per record (when its condition holds).
public struct OutputSpec: Sendable, Hashable {
    /// Names the output for links and examples.
    public var id: String
    public var kind: EntityKind
    /// The mention's record key; nil means the record key.
    public var key: FieldSpec?
    public var when: Condition?
    /// Scalar fields by canonical name (`name`, `birth_date`, `sheet` …).
    public var fields: [String: FieldSpec]
    public var identifiers: [IdentifierSpec]
    public var address: AddressSpec?
    /// Parcel outputs: the scheme of `commune`.
    public var scheme: AdminScheme?
    public var location: SourceLocation
}

/// A link between two outputs of the same record.
public struct LinkSpec: Sendable, Hashable {
    public var type: LinkType
    public var from: String
    public var to: String
    public var location: SourceLocation
}

/// A sample raw record with what the mapping must make of it.
public struct MappingExample: Sendable, Hashable {
    public struct Expectation: Sendable, Hashable {
        public var field: String
        public var value: String
        public var location: SourceLocation
    }

    public var index: Int
    public var location: SourceLocation
    public var record: RawNode
    /// Output id → expected rendered fields (see `MentionRendering`).
    public var expected: [String: [Expectation]]
    /// Link types the record must produce, when given.
    public var links: [LinkType]?
    /// Finding rules that must appear on the mentions.
    public var findings: [String]
    /// When non-nil the record must be quarantined with (at least) these rules.
    public var quarantined: [String]?
}
