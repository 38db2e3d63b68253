/// Canonical JSON writing of the small value types (keys in UTF-8 byte order, nil optionals left out — as
/// their synthesised or custom `Encodable` conformances encode them).

extension String: CanonicalJSONWritable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) { writer.string(self) }
}

extension EntityKind: CanonicalJSONWritable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) { writer.string(raw: self) }
}

extension Sex: CanonicalJSONWritable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) { writer.string(raw: self) }
}

extension AdminScheme: CanonicalJSONWritable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) { writer.string(raw: self) }
}

extension IdentifierType: CanonicalJSONWritable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) { writer.string(raw: self) }
}

extension EnterpriseStatus: CanonicalJSONWritable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) { writer.string(raw: self) }
}

extension Finding.Severity: CanonicalJSONWritable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) { writer.string(raw: self) }
}

extension PartialDate: CanonicalJSONWritable {
    /// The ISO text of `description`, as a JSON string; digits are written directly in the usual ranges.
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) {
        guard (1000...9999).contains(year), (0...99).contains(month ?? 0), (0...99).contains(day ?? 0) else {
            writer.string(description)
            return
        }
        writer.ascii(CollectionOfOne(UInt8(ascii: "\"")))
        writer.int(year)
        for part in [month, day] {
            guard let part else { break }
            writer.ascii(CollectionOfOne(UInt8(ascii: "-")))
            if part < 10 { writer.ascii(CollectionOfOne(UInt8(ascii: "0"))) }
            writer.int(part)
        }
        writer.ascii(CollectionOfOne(UInt8(ascii: "\"")))
    }
}

extension PersonName: CanonicalJSONWritable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.key("asGiven")
        writer.string(asGiven)
        if let family {
            writer.key("family")
            writer.string(family)
        }
        writer.key("folded")
        writer.string(folded)
        writer.key("full")
        writer.string(full)
        if let given {
            writer.key("given")
            writer.string(given)
        }
        if let middle {
            writer.key("middle")
            writer.string(middle)
        }
        writer.endObject()
    }
}

extension Identifier: CanonicalJSONWritable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.key("isValid")
        writer.bool(isValid)
        if let issuer {
            writer.key("issuer")
            writer.string(issuer)
        }
        writer.key("type")
        writer.string(raw: type)
        if let validFrom {
            writer.key("validFrom")
            validFrom.writeCanonicalJSON(to: &writer)
        }
        if let validTo {
            writer.key("validTo")
            validTo.writeCanonicalJSON(to: &writer)
        }
        writer.key("value")
        writer.string(value)
        writer.endObject()
    }
}

extension Address: CanonicalJSONWritable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        if let communeCode {
            writer.key("communeCode")
            writer.string(communeCode)
        }
        writer.key("currentCommuneCodes")
        writer.strings(currentCommuneCodes)
        if let currentProvinceCode {
            writer.key("currentProvinceCode")
            writer.string(currentProvinceCode)
        }
        if let districtCode {
            writer.key("districtCode")
            writer.string(districtCode)
        }
        if let houseNumber {
            writer.key("houseNumber")
            writer.string(houseNumber)
        }
        if let postalCode {
            writer.key("postalCode")
            writer.string(postalCode)
        }
        if let provinceCode {
            writer.key("provinceCode")
            writer.string(provinceCode)
        }
        if let scheme {
            writer.key("scheme")
            writer.string(raw: scheme)
        }
        if let street {
            writer.key("street")
            writer.string(street)
        }
        if let text {
            writer.key("text")
            writer.string(text)
        }
        writer.endObject()
    }
}

extension Finding: CanonicalJSONWritable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        if let field {
            writer.key("field")
            writer.string(field)
        }
        writer.key("message")
        writer.string(message)
        writer.key("rule")
        writer.string(rule)
        writer.key("severity")
        writer.string(raw: severity)
        writer.endObject()
    }
}

extension MentionKey: CanonicalJSONWritable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        writer.key("kind")
        writer.string(raw: kind)
        writer.key("recordKey")
        writer.string(recordKey)
        writer.key("source")
        writer.string(source)
        writer.endObject()
    }
}

extension SourceLocation: CanonicalJSONWritable {
    public func writeCanonicalJSON(to writer: inout CanonicalJSONWriter) {
        writer.beginObject()
        if let byteOffset {
            writer.key("byteOffset")
            writer.int(byteOffset)
        }
        if let column {
            writer.key("column")
            writer.int(column)
        }
        writer.key("file")
        writer.string(file)
        if let line {
            writer.key("line")
            writer.int(line)
        }
        if let pointer {
            writer.key("pointer")
            writer.string(pointer)
        }
        writer.endObject()
    }
}
