import Domain
import Foundation
import Testing

/// The hand-written writer must give exactly `JSONEncoder`'s bytes (`[.sortedKeys, .withoutEscapingSlashes]`):
/// stored content hashes are SHA-256 of that text.
@Suite struct CanonicalJSONWriterTests {
    static let rounds = 3000

    func expectSame<T: CanonicalJSONWritable>(_ value: T, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let reference = try CanonicalJSON.encoderString(value)
        let fast = try CanonicalJSONWriter.text(of: value)
        #expect(fast == reference, sourceLocation: sourceLocation)
        #expect(try CanonicalJSON.string(value) == reference, sourceLocation: sourceLocation)
    }

    @Test func mentionBodiesMatchJSONEncoder() throws {
        var samples = CanonicalJSONSamples(seed: 1)
        for _ in 0..<Self.rounds { try expectSame(samples.body()) }
    }

    @Test func goldenRecordsMatchJSONEncoder() throws {
        var samples = CanonicalJSONSamples(seed: 2)
        for _ in 0..<Self.rounds { try expectSame(samples.golden()) }
    }

    @Test func smallValuesMatchJSONEncoder() throws {
        var samples = CanonicalJSONSamples(seed: 3)
        for _ in 0..<Self.rounds {
            try expectSame(samples.location())
            try expectSame(samples.finding())
            try expectSame(samples.key())
            try expectSame(samples.identifier())
            try expectSame(samples.address())
            try expectSame(samples.name())
            try expectSame(samples.string())
        }
    }

    @Test func everyDoubleFormatMatchesJSONEncoder() throws {
        var samples = CanonicalJSONSamples(seed: 4)
        var values = CanonicalJSONSamples.doubles + CanonicalJSONSamples.doubles.map { -$0 }
        for _ in 0..<20_000 { values.append(samples.double()) }
        for exponent in -30...30 { values.append(pow(10, Double(exponent))) }
        for value in values {
            let parcel = ParcelRecord(communeCode: "1", communeScheme: .from2025, mapSheet: "2", parcelNumber: "3", area: value)
            try expectSame(parcel)
        }
        #expect(try CanonicalJSONWriter.text(of: ParcelRecord(communeCode: "1", communeScheme: .from2025, mapSheet: "2", parcelNumber: "3", area: 120)).contains(#""area":120,"#))
    }

    @Test func formatsSeenFromJSONEncoder() throws {
        func area(_ value: Double) throws -> String {
            let text = try CanonicalJSONWriter.text(of: ParcelRecord(communeCode: "", communeScheme: .pre2025, mapSheet: "", parcelNumber: "", area: value))
            return String(text.split(separator: ",")[0].dropFirst(#"{"area":"#.count))
        }
        #expect(try area(120) == "120")
        #expect(try area(1e-7) == "1e-07")
        #expect(try area(1e21) == "1e+21")
        #expect(try area(-0.0) == "-0")
        #expect(try area(0.1) == "0.1")
        #expect(try area(1e16) == "1e+16")
        #expect(try area(1e15) == "1000000000000000")
        #expect(throws: EncodingError.self) { try area(.nan) }
        #expect(throws: EncodingError.self) { try area(.infinity) }
    }

    @Test func everyControlCharacterAndEscapeMatchesJSONEncoder() throws {
        var all = ""
        for value in 0..<0x80 { all.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        all += "\u{2028}\u{2029}\u{feff}é😀/Nguyễn"
        try expectSame(all)
        let text = try CanonicalJSONWriter.text(of: all)
        #expect(text.hasPrefix(#""\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e"#))
        #expect(text.contains(##"\u001f !\"#$%&'()*+,-./0"##))
        #expect(text.contains("[\\\\]^_"))
        #expect(text.contains("}~\u{7f}\u{2028}\u{2029}\u{feff}é😀/Nguyễn\""))
    }

    @Test func oddPartialDatesFallBackToTheirDescription() throws {
        var date = PartialDate(year: 2001, month: 2, day: 3)!
        try expectSame(date)
        date.year = 7
        try expectSame(date)
        date.month = -3
        try expectSame(date)
        date.day = 123
        try expectSame(date)
    }

    @Test func typesWithoutAWriterStillUseJSONEncoder() throws {
        struct Other: Encodable { var b = "x/y"; var a = 1.0 }
        #expect(try CanonicalJSON.string(Other()) == #"{"a":1,"b":"x/y"}"#)
    }
}
