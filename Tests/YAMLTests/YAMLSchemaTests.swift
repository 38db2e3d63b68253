import Testing
import YAML

@Suite struct YAMLSchemaTests {
    @Test func unknownKeySuggestsNearestName() throws {
        let root = try YAMLParser.parse("mapping: x\nsoruce: y\nzzz: 1\n", file: "m.yaml")
        let errors = root.checkKeys(allowed: ["mapping", "source", "registry"], required: ["registry"])
        #expect(errors.count == 3)
        #expect(errors[0].rule == "yaml.unknown_key")
        #expect(errors[0].position == YAMLPosition(file: "m.yaml", line: 2, column: 1))
        #expect(errors[0].suggestion == "source")
        #expect(errors[1].suggestion == nil)
        #expect(errors[2].rule == "yaml.missing_key")
        #expect(errors[2].description == "m.yaml:1:1: error: missing required key 'registry' [yaml.missing_key]")
    }

    @Test func checkKeysOnAScalarIsATypeError() throws {
        let root = try YAMLParser.parse("a: b\n", file: "m.yaml")
        let errors = try #require(root["a"]).checkKeys(allowed: ["x"], context: "input")
        #expect(errors.map(\.message) == ["input must be a mapping, found a string"])
    }

    @Test(arguments: [("kitten", "sitting", 3), ("", "abc", 3), ("trim", "trim", 0), ("dàte", "date", 1)])
    func levenshtein(a: String, b: String, distance: Int) {
        #expect(EditDistance.levenshtein(a, b) == distance)
    }

    @Test func nearestNameNeedsToBeClose() {
        #expect(EditDistance.nearest(to: "uper", in: ["trim", "upper", "lower"]) == "upper")
        #expect(EditDistance.nearest(to: "date_dym", in: ["date", "date_dmy", "date_ymd"]) == "date_dmy")
        #expect(EditDistance.nearest(to: "completely_else", in: ["trim", "upper"]) == nil)
    }

    @Test func jsonTextKeepsStringsOrResolvesCoreScalars() throws {
        let root = try YAMLParser.parse("a: true\nb: '12'\nc: 12\nd: [x, 1.5, ~]\ne: \"q\\\"\\n\"\n", file: "j.yaml")
        #expect(root.jsonText() == #"{"a":"true","b":"12","c":"12","d":["x","1.5","~"],"e":"q\"\n"}"#)
        #expect(root.jsonText(scalars: .core) == #"{"a":true,"b":"12","c":12,"d":["x",1.5,null],"e":"q\"\n"}"#)
    }
}
