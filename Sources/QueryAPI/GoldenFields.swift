import Domain

/// The top-level fields of a stored golden record that a response returns: what the access log names for a read.
/// Read straight from the stored JSON text (which is also the response body) with `CanonicalJSONReader`, so a read
/// does not decode the whole record with `JSONDecoder` (a quarter of a lookup's CPU time when it did).
enum GoldenFields {
    /// The person fields in the order the access log lists them, after `mentions`.
    private static let personFields = ["name", "birthDate", "sex", "identifiers", "addresses", "phone"]
    /// The fields that hold lists: named only when not empty.
    private static let listFields: Set<String> = ["identifiers", "addresses"]

    /// `["mentions", …]` with the person fields present, or `["record"]` for a parcel or an enterprise.
    static func of(_ json: String) throws -> [String] {
        var person: Set<String>?
        try CanonicalJSONReader.read(json) { reader in
            try reader.object { reader, key in
                guard key == "body" else { return try reader.skipValue() }
                try reader.object { reader, key in
                    guard key == "person" else { return try reader.skipValue() }
                    person = try presentFields(&reader)
                }
            }
        }
        guard let person else { return ["record"] }
        return ["mentions"] + personFields.filter(person.contains)
    }

    private static func presentFields(_ reader: inout CanonicalJSONReader) throws -> Set<String> {
        var present: Set<String> = []
        try reader.object { reader, key in
            if reader.null() { return }
            let name = key.text
            if listFields.contains(name) {
                var count = 0
                try reader.array {
                    try $0.skipValue()
                    count += 1
                }
                if count > 0 { present.insert(name) }
            } else {
                try reader.skipValue()
                present.insert(name)
            }
        }
        return present
    }
}
