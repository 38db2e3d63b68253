/// Reading the small value types back from JSON (any key order and whitespace; unknown keys skipped; `null` or a
/// missing key for optionals; a missing required key is an error at the object's start).

extension CanonicalJSONReader {
    /// The error for a required key the object at `objectStart` lacks.
    func missing(_ key: String, in type: String, at objectStart: Int) -> CanonicalJSONError {
        error("\(type) lacks \"\(key)\"", at: objectStart)
    }

    /// Where the next value starts (after whitespace): the position errors about an object point at.
    mutating func valueStart() -> Int {
        skipWhitespace()
        return offset
    }

    public mutating func optionalString() throws -> String? { null() ? nil : try string() }
    public mutating func optionalInt() throws -> Int? { null() ? nil : try int() }
    public mutating func optionalDouble() throws -> Double? { null() ? nil : try double() }

    public mutating func optional<Value: CanonicalJSONReadable>(_ type: Value.Type) throws -> Value? {
        null() ? nil : try Value(canonicalJSON: &self)
    }

    public mutating func optionalRaw<Value: RawRepresentable>(_ type: Value.Type) throws -> Value?
    where Value.RawValue == String {
        null() ? nil : try raw(type)
    }
}

extension String: CanonicalJSONReadable {
    public init(canonicalJSON reader: inout CanonicalJSONReader) throws { self = try reader.string() }
}

extension Sex: CanonicalJSONReadable {
    public init(canonicalJSON reader: inout CanonicalJSONReader) throws { self = try reader.raw(Sex.self) }
}

extension PartialDate: CanonicalJSONReadable {
    public init(canonicalJSON reader: inout CanonicalJSONReader) throws {
        let start = reader.valueStart()
        let text = try reader.string()
        guard let date = PartialDate(iso: text) else { throw reader.error("not a date: \(text)", at: start) }
        self = date
    }
}

extension PersonName: CanonicalJSONReadable {
    public init(canonicalJSON reader: inout CanonicalJSONReader) throws {
        let start = reader.valueStart()
        var asGiven: String?, full: String?, family: String?, middle: String?, given: String?, folded: String?
        try reader.object { reader, key in
            if key == "asGiven" {
                asGiven = try reader.string()
            } else if key == "family" {
                family = try reader.optionalString()
            } else if key == "folded" {
                folded = try reader.string()
            } else if key == "full" {
                full = try reader.string()
            } else if key == "given" {
                given = try reader.optionalString()
            } else if key == "middle" {
                middle = try reader.optionalString()
            } else {
                try reader.skipValue()
            }
        }
        guard let asGiven else { throw reader.missing("asGiven", in: "PersonName", at: start) }
        guard let full else { throw reader.missing("full", in: "PersonName", at: start) }
        guard let folded else { throw reader.missing("folded", in: "PersonName", at: start) }
        self.init(asGiven: asGiven, full: full, family: family, middle: middle, given: given, folded: folded)
    }
}

extension Identifier: CanonicalJSONReadable {
    public init(canonicalJSON reader: inout CanonicalJSONReader) throws {
        let start = reader.valueStart()
        var type: IdentifierType?, value: String?, isValid: Bool?, issuer: String?
        var validFrom: PartialDate?, validTo: PartialDate?
        try reader.object { reader, key in
            if key == "isValid" {
                isValid = try reader.bool()
            } else if key == "issuer" {
                issuer = try reader.optionalString()
            } else if key == "type" {
                type = try reader.raw(IdentifierType.self)
            } else if key == "validFrom" {
                validFrom = try reader.optional(PartialDate.self)
            } else if key == "validTo" {
                validTo = try reader.optional(PartialDate.self)
            } else if key == "value" {
                value = try reader.string()
            } else {
                try reader.skipValue()
            }
        }
        guard let type else { throw reader.missing("type", in: "Identifier", at: start) }
        guard let value else { throw reader.missing("value", in: "Identifier", at: start) }
        guard let isValid else { throw reader.missing("isValid", in: "Identifier", at: start) }
        self.init(type: type, value: value, isValid: isValid, issuer: issuer, validFrom: validFrom, validTo: validTo)
    }
}

extension Address: CanonicalJSONReadable {
    public init(canonicalJSON reader: inout CanonicalJSONReader) throws {
        let start = reader.valueStart()
        var address = Address()
        var currentCommuneCodes: [String]?
        try reader.object { reader, key in
            if key == "communeCode" {
                address.communeCode = try reader.optionalString()
            } else if key == "currentCommuneCodes" {
                currentCommuneCodes = try reader.strings()
            } else if key == "currentProvinceCode" {
                address.currentProvinceCode = try reader.optionalString()
            } else if key == "districtCode" {
                address.districtCode = try reader.optionalString()
            } else if key == "houseNumber" {
                address.houseNumber = try reader.optionalString()
            } else if key == "postalCode" {
                address.postalCode = try reader.optionalString()
            } else if key == "provinceCode" {
                address.provinceCode = try reader.optionalString()
            } else if key == "scheme" {
                address.scheme = try reader.optionalRaw(AdminScheme.self)
            } else if key == "street" {
                address.street = try reader.optionalString()
            } else if key == "text" {
                address.text = try reader.optionalString()
            } else {
                try reader.skipValue()
            }
        }
        guard let currentCommuneCodes else { throw reader.missing("currentCommuneCodes", in: "Address", at: start) }
        address.currentCommuneCodes = currentCommuneCodes
        self = address
    }
}

extension Finding: CanonicalJSONReadable {
    public init(canonicalJSON reader: inout CanonicalJSONReader) throws {
        let start = reader.valueStart()
        var rule: String?, severity: Severity?, message: String?, field: String?
        try reader.object { reader, key in
            if key == "field" {
                field = try reader.optionalString()
            } else if key == "message" {
                message = try reader.string()
            } else if key == "rule" {
                rule = try reader.string()
            } else if key == "severity" {
                severity = try reader.raw(Severity.self)
            } else {
                try reader.skipValue()
            }
        }
        guard let rule else { throw reader.missing("rule", in: "Finding", at: start) }
        guard let severity else { throw reader.missing("severity", in: "Finding", at: start) }
        guard let message else { throw reader.missing("message", in: "Finding", at: start) }
        self.init(rule: rule, severity: severity, message: message, field: field)
    }
}

extension MentionKey: CanonicalJSONReadable {
    public init(canonicalJSON reader: inout CanonicalJSONReader) throws {
        let start = reader.valueStart()
        var source: String?, kind: EntityKind?, recordKey: String?
        try reader.object { reader, key in
            if key == "kind" {
                kind = try reader.raw(EntityKind.self)
            } else if key == "recordKey" {
                recordKey = try reader.string()
            } else if key == "source" {
                source = try reader.string()
            } else {
                try reader.skipValue()
            }
        }
        guard let source else { throw reader.missing("source", in: "MentionKey", at: start) }
        guard let kind else { throw reader.missing("kind", in: "MentionKey", at: start) }
        guard let recordKey else { throw reader.missing("recordKey", in: "MentionKey", at: start) }
        self.init(source: source, kind: kind, recordKey: recordKey)
    }
}

extension SourceLocation: CanonicalJSONReadable {
    public init(canonicalJSON reader: inout CanonicalJSONReader) throws {
        let start = reader.valueStart()
        var file: String?, line: Int?, column: Int?, byteOffset: Int?, pointer: String?
        try reader.object { reader, key in
            if key == "byteOffset" {
                byteOffset = try reader.optionalInt()
            } else if key == "column" {
                column = try reader.optionalInt()
            } else if key == "file" {
                file = try reader.string()
            } else if key == "line" {
                line = try reader.optionalInt()
            } else if key == "pointer" {
                pointer = try reader.optionalString()
            } else {
                try reader.skipValue()
            }
        }
        guard let file else { throw reader.missing("file", in: "SourceLocation", at: start) }
        self.init(file: file, line: line, column: column, byteOffset: byteOffset, pointer: pointer)
    }
}
