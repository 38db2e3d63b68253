import Domain
import Mapping
import Reference
import Testing

/// `{selector?}` in a template: a missing value adds nothing instead of voiding the template.
@Suite struct OptionalPlaceholderTests {
    let reference: ReferenceData

    init() throws { reference = try sharedReference.get() }

    private func household(_ template: String, _ fields: KeyValuePairs<String, String>) throws -> String? {
        let text = minimalMapping(personFields: "      household: \"\(template)\"")
        let mapping = try MappingLoader.load(path: try writeTemporaryFile(text))
        guard case .mapped(let mentions, _) = MappingEvaluator(mapping: mapping, reference: reference).evaluate(record(fields)),
            case .person(let person) = mentions.first?.body
        else {
            Issue.record("expected a person")
            return nil
        }
        return person.householdID
    }

    @Test func parsesAsAnOptionalField() throws {
        let text = minimalMapping(personFields: "      household: \"{so?} {duong}\"")
        let mapping = try MappingLoader.load(path: try writeTemporaryFile(text))
        let household = try #require(mapping.outputs.first?.fields["household"])
        #expect(
            household.source
                == .template(Template(parts: [.optionalField(RawPath(steps: [.key("so")])), .literal(" "), .field(RawPath(steps: [.key("duong")]))])))
        #expect(household.sourceDescription == "{so?} {duong}")
    }

    @Test func missingOptionalValueAddsNothingAndSpacesCollapse() throws {
        #expect(try household("{so?} {duong}", ["id": "1", "ho_ten": "An", "so": "12", "duong": "Lê Lợi"]) == "12 Lê Lợi")
        #expect(try household("{so?} {duong}", ["id": "1", "ho_ten": "An", "so": "", "duong": "Lê Lợi"]) == "Lê Lợi")
        #expect(try household("{so?} {duong}", ["id": "1", "ho_ten": "An", "duong": "Lê Lợi"]) == "Lê Lợi")
    }

    @Test func requiredPartsStillVoidTheTemplate() throws {
        #expect(try household("{so?} {duong}", ["id": "1", "ho_ten": "An", "so": "12"]) == nil)
    }

    @Test func allOptionalAndAllMissingGivesNothing() throws {
        #expect(try household("{a?}-{b?}", ["id": "1", "ho_ten": "An"]) == nil)
        #expect(try household("{a?}-{b?}", ["id": "1", "ho_ten": "An", "b": "7"]) == "-7")
    }
}
