import Domain
import Mapping
import Testing

@Suite struct MappingLoaderTests {
    @Test func everyErrorIsReportedAtOnceWithPositions() throws {
        let text = """
            mapping: broken
            soruce: test
            registry: population
            input:
              format: csv
              header: yes
            key: "id"
            outputs:
              - id: p
                kind: persn
                fields:
                  name: ho_ten
              - id: q
                kind: person
                fields:
                  name: {from: ten, transform: [trim, uper]}
                  birth_date: {from: "ngay[x]"}
                  phone: {from: dt, required: maybe}
                  colour: x
            """
        let found = try diagnostics(of: text)
        let summary = found.map { "\($0.location.line ?? 0):\($0.location.column ?? 0) \($0.rule) \($0.suggestion ?? "-")" }
        #expect(
            summary == [
                "1:1 yaml.missing_key -",
                "2:1 yaml.unknown_key source",
                "6:11 mapping.type -",
                "10:11 mapping.unknown_value person",
                "16:43 mapping.unknown_transform upper",
                "17:26 mapping.bad_selector -",
                "18:35 mapping.type -",
                "19:7 yaml.unknown_key -",
            ])
        #expect(found.allSatisfy { $0.location.file.hasSuffix("mapping.yaml") })
        #expect(found[4].description.hasSuffix("error: unknown transform 'uper' [mapping.unknown_transform] (did you mean 'upper'?)"))
        #expect(found[0].message == "missing required key 'source' in the mapping file")
    }

    @Test func yamlSyntaxErrorsBecomeDiagnostics() throws {
        let found = try diagnostics(of: "mapping: x\nsource: [a\n")
        #expect(found.count == 1)
        #expect(found.first?.rule == "yaml.syntax")
        #expect(found.first?.location.line == 3)
    }

    @Test func duplicateKeysAreErrors() throws {
        let found = try diagnostics(of: minimalMapping() + "\nkey: other\n")
        #expect(found.map(\.rule) == ["yaml.duplicate_key"])
    }

    @Test func minimalMappingLoads() throws {
        let path = try writeTemporaryFile(minimalMapping())
        let mapping = try MappingLoader.load(path: path)
        #expect(mapping.name == "t")
        #expect(mapping.source == "test")
        #expect(mapping.input == InputSpec(format: "csv", encoding: nil, record: nil, csvDelimiter: nil, csvHeader: true))
        #expect(mapping.key.source == .path(RawPath(steps: [.key("id")])))
        #expect(mapping.outputs.map(\.id) == ["p"])
        #expect(mapping.file == path)
    }

    @Test func templatesAndSelectorsParse() throws {
        let text = minimalMapping(personFields: "      household: \"HK-{a/@so}/{b[1]}\"").replacingOccurrences(of: "key: id", with: "key: \"{so}-{stt}\"")
        let mapping = try MappingLoader.load(path: try writeTemporaryFile(text))
        #expect(mapping.key.source == .template(Template(parts: [.field(RawPath(steps: [.key("so")])), .literal("-"), .field(RawPath(steps: [.key("stt")]))])))
        let household = try #require(mapping.outputs.first?.fields["household"])
        #expect(household.sourceDescription == "HK-{a/@so}/{b[1]}")
    }

    @Test(arguments: [
        ("      household: \"{a\"", "mapping.bad_template"),
        ("      household: \"no selectors}\"", "mapping.bad_template"),
        ("      household: {template: \"{}\"}", "mapping.bad_selector"),
        ("      household: {from: a, template: \"{b}\"}", "mapping.conflict"),
        ("      household: {transform: trim}", "mapping.missing_key"),
        ("      identifiers: [{type: cccd, from: x}]", "mapping.unknown_value"),
        ("      identifiers: [{from: x}]", "mapping.missing_key"),
        ("      address: {text: a, commune: b}", "mapping.conflict"),
        ("      address: {detail: a}", "mapping.missing_key"),
        ("      address: {commune: a, scheme: \"2024\"}", "mapping.unknown_value"),
        ("      sex: {from: s, codes: [a]}", "mapping.type"),
    ])
    func fieldErrors(fieldLine: String, rule: String) throws {
        let found = try diagnostics(of: minimalMapping(personFields: fieldLine))
        #expect(found.map(\.rule) == [rule])
        #expect(found.first?.location.line == 11)
    }

    @Test func conditionsNeedExactlyOneTest() throws {
        let found = try diagnostics(of: minimalMapping(personFields: "      identifiers: [{type: cmnd9, from: x, when: {field: t, equals: A, present: true}}]"))
        #expect(found.map(\.rule) == ["mapping.bad_condition"])
    }

    @Test func linksAreCheckedAgainstOutputs() throws {
        let found = try diagnostics(of: minimalMapping(tail: "links:\n  - {type: owns_parcel, from: p, to: parcle}\n  - {type: owns_parcel, from: p, to: p}\n"))
        #expect(found.map(\.rule) == ["mapping.unknown_value", "mapping.link_kinds"])
        #expect(found.first?.suggestion == nil)
        #expect(found.map { $0.location.line ?? 0 } == [13, 14])
    }

    @Test func parcelNeedsItsMandatoryFields() throws {
        let text = minimalMapping(tail: "  - id: l\n    kind: parcel\n    fields: {commune: c, sheet: s}\n")
        let found = try diagnostics(of: text)
        #expect(found.map(\.message) == [
            "missing required key 'number' in outputs[1].fields (parcel)",
            "outputs[1].fields needs 'scheme' (pre2025 or 2025) for the parcel's commune code",
        ])
    }

    @Test func inputIsChecked() throws {
        let text = minimalMapping().replacingOccurrences(of: "input: {format: csv}", with: "input: {format: xml, encoding: tcvn, delimiter: ';'}")
        let found = try diagnostics(of: text)
        #expect(found.map(\.rule) == ["mapping.unknown_value", "mapping.conflict"])
        #expect(found.first?.suggestion == "tcvn3")
    }

    @Test func csvAliasesLoadAndAreChecked() throws {
        let good = minimalMapping().replacingOccurrences(
            of: "input: {format: csv}", with: "input: {format: csv, aliases: {ho_ten: [Họ và tên, HOTEN], id: Mã}}")
        let mapping = try MappingLoader.load(path: try writeTemporaryFile(good))
        #expect(mapping.input.csvAliases == ["ho_ten": ["Họ và tên", "HOTEN"], "id": ["Mã"]])

        let claimedTwice = minimalMapping().replacingOccurrences(
            of: "input: {format: csv}", with: "input: {format: csv, aliases: {ho_ten: [Tên], ten: [tên ]}}")
        let twice = try diagnostics(of: claimedTwice)
        #expect(twice.map(\.rule) == ["mapping.conflict"] && twice.first?.message == "'tên' is already an alias of 'ho_ten'", "\(twice)")
        let chained = minimalMapping().replacingOccurrences(
            of: "input: {format: csv}", with: "input: {format: csv, aliases: {ho_ten: [ten], ten: [Tên gọi], id: [\" \"]}}")
        #expect(try diagnostics(of: chained).map(\.rule) == ["mapping.conflict", "mapping.bad_value"])
        let onJSON = minimalMapping().replacingOccurrences(of: "input: {format: csv}", with: "input: {format: json, aliases: {a: b}}")
        #expect(try diagnostics(of: onJSON).map(\.message) == ["input.aliases applies only to csv with a header"])
        let notAMap = minimalMapping().replacingOccurrences(of: "input: {format: csv}", with: "input: {format: csv, aliases: [a, b]}")
        #expect(try diagnostics(of: notAMap).map(\.rule) == ["mapping.type"])
    }

    @Test func xmlNamespacesLoadAndAreChecked() throws {
        let good = minimalMapping().replacingOccurrences(
            of: "input: {format: csv}", with: "input: {format: xml, namespaces: {dc: \"urn:vn:dancu\", x: \"urn:x\"}}")
        #expect(try MappingLoader.load(path: try writeTemporaryFile(good)).input.xmlNamespaces == ["dc": "urn:vn:dancu", "x": "urn:x"])
        let bad = minimalMapping().replacingOccurrences(
            of: "input: {format: csv}", with: "input: {format: xml, namespaces: {\"a:b\": \"urn:a\", c: \"\", d: \"urn:x\", e: \"urn:x\"}}")
        #expect(try diagnostics(of: bad).map(\.rule) == ["mapping.bad_name", "mapping.bad_value", "mapping.conflict"])
        let reserved = minimalMapping().replacingOccurrences(of: "input: {format: csv}", with: "input: {format: xml, namespaces: {xml: \"urn:x\", 1a: \"urn:y\"}}")
        #expect(try diagnostics(of: reserved).map(\.rule) == ["mapping.bad_name", "mapping.bad_name"])
        let onCSV = minimalMapping().replacingOccurrences(of: "input: {format: csv}", with: "input: {format: csv, namespaces: {a: b}}")
        #expect(try diagnostics(of: onCSV).map(\.message) == ["input.namespaces applies only to xml"])
    }

    @Test func examplesAreChecked() throws {
        let text = minimalMapping(tail: "examples:\n  - record: {id: \"1\"}\n    expect: {q: {name: x}, p: {nmae: y}}\n  - record: [a]\n")
        let found = try diagnostics(of: text)
        #expect(found.map(\.rule) == ["yaml.unknown_key", "yaml.unknown_key", "mapping.type"])
        #expect(found[1].suggestion == "name")
    }

    @Test func sourceNamesMustBeLowerCase() throws {
        let found = try diagnostics(of: minimalMapping().replacingOccurrences(of: "source: test", with: "source: Test Source"))
        #expect(found.map(\.rule) == ["mapping.bad_name"])
    }
}
