import Domain
import Foundation
import Mapping
import Reference
import Testing

@Suite struct ShippedMappingTests {
    static let names = ["population", "land", "enterprise", "commune_legacy"]

    @Test(arguments: names)
    func examplesPass(name: String) throws {
        let mapping = try MappingLoader.load(path: shippedMapping(name))
        let outcomes = MappingTester.run(mapping, reference: try sharedReference.get())
        #expect(outcomes.count >= 3)
        for outcome in outcomes {
            #expect(outcome.passed, "\(name) example \(outcome.index): \(outcome.failures.joined(separator: "; "))")
        }
    }

    @Test func shippedInputSpecs() throws {
        let legacy = try MappingLoader.load(path: shippedMapping("commune_legacy"))
        #expect(legacy.input == InputSpec(format: "csv", encoding: "tcvn3", record: nil, csvDelimiter: ";", csvHeader: true))
        let population = try MappingLoader.load(path: shippedMapping("population"))
        let schema = try #require(population.input.xmlSchema)
        #expect(population.input == InputSpec(format: "xml", encoding: "utf-8", record: "cong_dan", csvDelimiter: nil, csvHeader: true, xmlSchema: schema))
        #expect(schema.hasSuffix("Mappings/../Schemas/population-export.xsd"))
        #expect(FileManager.default.fileExists(atPath: schema))
    }

    @Test func aSchemaIsForXMLOnlyAndRelativeToTheMapping() throws {
        let csv = minimalMapping(tail: "").replacingOccurrences(of: "{format: csv}", with: "{format: csv, schema: x.xsd}")
        #expect(throws: DiagnosticList.self) { _ = try MappingLoader.load(text: csv, file: "/m/a.yaml") }
        let xml = minimalMapping(tail: "").replacingOccurrences(of: "{format: csv}", with: "{format: xml, schema: x.xsd}")
        #expect(try MappingLoader.load(text: xml, file: "/m/a.yaml").input.xmlSchema == "/m/x.xsd")
    }

    @Test func failingExampleIsReported() throws {
        let text = minimalMapping(tail: """
            examples:
              - record: {id: "1", ho_ten: Lan}
                expect: {p: {name: Mai, key: "1"}}
                links: [owns_parcel]
              - record: {id: "2", ho_ten: Lan}
                quarantined: []
            """)
        let path = try writeTemporaryFile(text)
        let outcomes = MappingTester.run(try MappingLoader.load(path: path), reference: try sharedReference.get())
        #expect(outcomes.map(\.passed) == [false, false])
        #expect(outcomes[0].failures == ["\(path):14:24: p.name: expected 'Mai', got 'Lan'", "links: expected [owns_parcel], got []"])
        #expect(outcomes[1].failures == ["expected the record to be quarantined, but it was mapped to 1 mention(s)"])
        #expect(outcomes[1].location.line == 16)
    }

    @Test(arguments: names)
    func validatesAgainstJSONSchema(name: String) throws {
        let json = try MappingFileJSON.jsonText(path: shippedMapping(name))
        let result = try validateWithPython(json: json)
        #expect(result.status == 0, "\(name): \(result.output)")
    }

    /// The bench's FEBRL mapping (bench/febrl.sh) uses the optional placeholders, `postal_code` and `social_insurance`.
    @Test func theFEBRLBenchMappingPassesItsExampleAndTheSchema() throws {
        let path = "\(packageRoot)/bench/febrl/febrl.yaml"
        let outcomes = MappingTester.run(try MappingLoader.load(path: path), reference: try sharedReference.get())
        #expect(!outcomes.isEmpty && outcomes.allSatisfy(\.passed), "\(outcomes.flatMap(\.failures))")
        let result = try validateWithPython(json: try MappingFileJSON.jsonText(path: path))
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func schemaRejectsAnUnknownTransform() throws {
        let path = try writeTemporaryFile(minimalMapping(personFields: "      phone: {from: dt, transform: phon}"))
        let result = try validateWithPython(json: try MappingFileJSON.jsonText(path: path))
        #expect(result.status == 1)
        #expect(result.output.contains("phon"))
    }

    /// Runs `python3` with `jsonschema` on the mapping JSON; status 0 valid, 1 invalid.
    func validateWithPython(json: String) throws -> (status: Int32, output: String) {
        let jsonPath = try writeTemporaryFile(json, name: "mapping.json")
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            document = json.load(open(sys.argv[2], encoding="utf-8"))
            errors = list(jsonschema.Draft202012Validator(schema).iter_errors(document))
            for e in errors: print(list(e.absolute_path), e.message)
            sys.exit(1 if errors else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, "\(packageRoot)/Schemas/mapping.schema.json", jsonPath]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
