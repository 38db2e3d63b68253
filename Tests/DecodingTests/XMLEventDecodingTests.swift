import Domain
import Foundation
import Testing
@testable import Decoding

/// The event-built XML records: shapes, text rules, raw text and lines past libxml2's 16-bit line field.
@Suite struct XMLEventDecodingTests {
    private func decode(_ xml: String, record: String? = nil) throws -> [RawRecord] {
        let dir = try TemporaryDirectory()
        let path = try dir.write("e.xml", xml)
        return try Decoded.file(path, DecodeOptions(format: .xml, recordPath: record)).records
    }

    @Test func linesPastSixtyFiveThousandAreExact() throws {
        var xml = "<?xml version=\"1.0\"?>\n<ds>\n"
        for k in 0..<40_000 { xml += "  <r id=\"\(k)\">\n    <a>\(k)</a>\n  </r>\n" }  // three lines per record
        xml += "</ds>\n"
        let records = try decode(xml)
        #expect(records.count == 40_000)
        // record k starts on line 3 + 3k; 21845 is the first past 65535
        #expect(records[21_844].location.line == 65_535)
        #expect(records[21_845].location.line == 65_538)
        #expect(records[39_999].location.line == 120_000)
        #expect(records[39_999].location.pointer == "/ds/r[40000]")
        #expect(records[39_999].fields["@id"] == .text("39999"))
    }

    @Test func linesPastSixtyFiveThousandOnePerLine() throws {
        var xml = "<ds>\n"
        for k in 0..<70_000 { xml += "<r><a>\(k)</a></r>\n" }
        xml += "</ds>\n"
        let records = try decode(xml)
        #expect(records.count == 70_000)
        #expect(records[69_999].location.line == 70_001)
        #expect(records[66_000].location.line == 66_002)
    }

    @Test func ownTextRules() throws {
        let xml = "<ds><r a=\"1\">  spaced  </r><r><x>1</x>  mid  <y/> tail </r><r><x>1</x>\u{00A0}z\u{2003}</r><r>  only  </r></ds>"
        let records = try decode(xml)
        #expect(records.map(\.fields) == [
            .object([(key: "@a", value: .text("1")), (key: "#text", value: .text("  spaced  "))]),
            .object([(key: "x", value: .text("1")), (key: "y", value: .text("")), (key: "#text", value: .text("mid   tail"))]),
            .object([(key: "x", value: .text("1")), (key: "#text", value: .text("z"))]),
            .text("  only  "),
        ])
    }

    @Test func namespacesRepeatsAndNestedRecordNames() throws {
        let xml = """
            <a xmlns:p="urn:p"><r xmlns:q="urn:q"><p:t>1</p:t><q:t>2</q:t><u>3</u><t>4</t><r>inner</r></r></a>
            """
        let records = try decode(xml, record: "r")
        #expect(records.count == 1)
        #expect(records[0].fields == .object([
            (key: "p:t", value: .text("1")), (key: "q:t", value: .text("2")), (key: "u", value: .text("3")), (key: "t", value: .text("4")),
            (key: "r", value: .text("inner")),
        ]))
        #expect(records[0].location.pointer == "/a/r[1]")
        #expect(records[0].rawText == "<r xmlns:q=\"urn:q\"><p:t>1</p:t><q:t>2</q:t><u>3</u><t>4</t><r>inner</r></r>")
    }

    @Test func namespacedNamesAreKeyedByTheMappingsPrefixElseTheDocuments() throws {
        let xml = """
            <ds xmlns="urn:d" xmlns:x="urn:p" xmlns:q="urn:q"><r x:ma="1" ten="a"><x:t>1</x:t><q:t>2</q:t><u>3</u><x:t>4</x:t></r></ds>
            """
        // The document's prefixes; names in the unbound default namespace read as local names.
        let plain = try decode(xml, record: "r")
        #expect(plain.first?.fields == .object([
            (key: "@x:ma", value: .text("1")), (key: "@ten", value: .text("a")), (key: "x:t", value: .list([.text("1"), .text("4")])),
            (key: "q:t", value: .text("2")), (key: "u", value: .text("3")),
        ]))
        // The mapping's prefixes, whatever the document writes: urn:p is dc here, the default namespace d.
        var options = DecodeOptions(format: .xml, recordPath: "/d:ds/d:r")
        options.xmlNamespaces = ["dc": "urn:p", "d": "urn:d"]
        var bound: [RawRecord] = []
        _ = try RecordDecoder.decode(bytes: Array(xml.utf8), name: "ns.xml", options: options, onRecord: { bound.append($0) }, onRecordError: { _ in })
        #expect(bound.first?.fields == .object([
            (key: "@dc:ma", value: .text("1")), (key: "@ten", value: .text("a")), (key: "dc:t", value: .list([.text("1"), .text("4")])),
            (key: "q:t", value: .text("2")), (key: "d:u", value: .text("3")),
        ]))
        #expect(bound.first?.location.pointer == "/d:ds/d:r[1]")
    }

    @Test func aPrefixTheMappingBindsIsNeverGivenToAnotherNamespace() throws {
        // The file calls urn:b "dc" — the mapping's prefix for urn:a — and uses urn:a under "a": dc:t selects urn:a only.
        let xml = "<ds xmlns:dc=\"urn:b\" xmlns:a=\"urn:a\"><r><dc:t>b</dc:t><a:t>a</a:t><dc:t>b2</dc:t></r></ds>"
        var options = DecodeOptions(format: .xml, recordPath: "r")
        options.xmlNamespaces = ["dc": "urn:a"]
        var records: [RawRecord] = []
        _ = try RecordDecoder.decode(bytes: Array(xml.utf8), name: "ns.xml", options: options, onRecord: { records.append($0) }, onRecordError: { _ in })
        #expect(records.first?.fields == .object([
            (key: "{urn:b}t", value: .list([.text("b"), .text("b2")])), (key: "dc:t", value: .text("a")),
        ]))
        // One prefix given to two namespaces in two scopes: two keys, not one list.
        let rebound = try decode("<ds><r><p:t xmlns:p=\"urn:1\">1</p:t><p:t xmlns:p=\"urn:2\">2</p:t></r></ds>", record: "r")
        #expect(rebound.first?.fields == .object([(key: "p:t", value: .text("1")), (key: "{urn:2}t", value: .text("2"))]))
    }

    @Test func rawTextIsTheSourceText() throws {
        let xml = "<ds><r a=\"x&quot;y&lt;\"><b>1 &lt; 2 &amp; 3</b><!--note--><c/><d></d><![CDATA[<z>]]></r></ds>"
        let records = try decode(xml)
        #expect(records[0].rawText == "<r a=\"x&quot;y&lt;\"><b>1 &lt; 2 &amp; 3</b><!--note--><c/><d></d><![CDATA[<z>]]></r>")
        #expect(records[0].fields == .object([
            (key: "@a", value: .text("x\"y<")), (key: "b", value: .text("1 < 2 & 3")), (key: "c", value: .text("")),
            (key: "d", value: .text("")), (key: "#text", value: .text("<z>")),
        ]))
    }

    @Test func rawTextIsCappedOnACharacterBoundary() throws {
        let long = String(repeating: "ễ", count: 3000)  // 3 bytes each: 9000 bytes
        let records = try decode("<ds><r><t>\(long)</t></r></ds>")
        let raw = records[0].rawText
        #expect(raw.hasPrefix("<r><t>ễễ"))
        #expect(raw.hasSuffix("ễ…"))
        #expect(!raw.unicodeScalars.contains("\u{FFFD}"))
        #expect(raw.utf8.count == 6 + 4089 / 3 * 3 + 3)  // 4090 bytes of text fit; whole letters only, then "…"
        #expect(records[0].fields["t"] == .text(long))
    }

    @Test func decomposedTextBecomesNFC() throws {
        let records = try decode("<ds><r k=\"Nguye\u{0302}\u{0303}n\"><t>Le\u{0302}\u{0301}</t></r></ds>")
        #expect(records[0].fields == .object([(key: "@k", value: .text("Nguyễn")), (key: "t", value: .text("Lế"))]))
    }

    @Test func decomposedElementAndAttributeNamesBecomeNFCAndMatchTheirComposedSpelling() throws {
        // <tên> written decomposed (e + U+0302) and composed in one record: one key, in NFC, a list of both values;
        // the attribute name too.
        let records = try decode("<ds><r ghi\u{0300}=\"1\"><te\u{0302}n>a</te\u{0302}n><tên>b</tên></r></ds>")
        #expect(records[0].fields == .object([(key: "@ghì", value: .text("1")), (key: "tên", value: .list([.text("a"), .text("b")]))]))
    }

    @Test func emptyRecordElements() throws {
        let records = try decode("<ds><r/><r id=\"7\"/><r></r></ds>")
        #expect(records.map(\.fields) == [.text(""), .object([(key: "@id", value: .text("7"))]), .text("")])
        #expect(records.map(\.rawText) == ["<r/>", "<r id=\"7\"/>", "<r></r>"])
        #expect(records.map(\.location.pointer) == ["/ds/r[1]", "/ds/r[2]", "/ds/r[3]"])
    }

    @Test func entityReferenceDeepInARecordNamesItsLine() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("e.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE d [ <!ENTITY e \"v\"> ]>\n<d>\n<r>\n<x>ok</x>\n<y>&e;</y>\n</r>\n</d>\n")
        var emitted = 0
        do {
            _ = try RecordDecoder.decodeFile(path: path, options: DecodeOptions(format: .xml), onRecord: { _ in emitted += 1 }, onRecordError: { _ in })
            Issue.record("expected a diagnostic")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.rule == "xml.entity")
            #expect(diagnostic.location.line == 6)
        }
        #expect(emitted == 0)
    }
}

@Suite struct XMLTextTests {
    private func nfcCheck(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { XMLText.isSurelyNFC($0) }
    }

    private func trimmed(_ text: String) -> String {
        Array(text.utf8).withUnsafeBufferPointer { XMLText.trimmedString($0) }
    }

    @Test func nfcFastPath() {
        #expect(nfcCheck("Nguyễn Văn Đức ơ ư ỹ Ạ"))
        #expect(!nfcCheck("Nguye\u{0302}\u{0303}n"))  // combining marks
        #expect(!nfcCheck("\u{1E9E}"))  // E1 BA 9E: outside the Vietnamese block, left to UnicodeNFC
        #expect(!nfcCheck("\u{2126}"))  // OHM SIGN changes under NFC
        #expect(nfcCheck(""))
    }

    @Test func trimming() {
        #expect(trimmed(" \t\n a b \r\n") == "a b")
        #expect(trimmed("\u{00A0}ễ\u{3000}") == "ễ")
        #expect(trimmed("   ") == "")
        #expect(trimmed("x") == "x")
    }
}
