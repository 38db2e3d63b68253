import Domain
import Testing

/// A raw record's tree through JSON text and back (what quarantine keeps for a retry), and what is refused.
@Suite struct RawNodeJSONTests {
    static let tree = RawNode.object([
        (key: "ho_ten", value: .text("Nguyễn Thị \"Bé\"\n\u{1F600}")),
        (key: "a", value: .null),
        (key: "dia_chi", value: .list([.text(""), .object([(key: "#text", value: .text("Thôn 2"))]), .list([])])),
        (key: "b", value: .object([])),
    ])

    @Test func roundTripsKeepingKeyOrder() throws {
        #expect(try RawNode(jsonText: Self.tree.jsonText) == Self.tree)
        #expect(try RawNode(jsonText: " { \"z\" : [ null , \"\\u0110\\ud83d\\ude00\" ] , \"a\" : \"x\" } ")
            == .object([(key: "z", value: .list([.null, .text("Đ😀")])), (key: "a", value: .text("x"))]))
    }

    @Test(arguments: ["", "{\"a\":1}", "[true]", "{\"a\":\"x\"", "\"x\" \"y\"", "nul", String(repeating: "[", count: 300) + String(repeating: "]", count: 300)])
    func refusesWhatIsNotARawTree(_ text: String) {
        #expect(throws: RawNodeJSONError.self) { try RawNode(jsonText: text) }
    }
}
