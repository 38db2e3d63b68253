import Foundation
import Testing
@testable import TextEncodings

/// glibc iconv as an independent oracle for the two tables it knows (it has no VNI).
@Suite(.enabled(if: Iconv.isAvailable)) struct IconvOracleTests {
    static let pairs: [(TextEncoding, String)] = [(.tcvn3, "TCVN5712-1"), (.windows1258, "CP1258")]

    @Test(arguments: [0, 1])
    func everyLetterEncodesLikeIconv(_ which: Int) throws {
        let (encoding, name) = Self.pairs[which]
        for letter in VietnameseLetters.all {
            let ours = VietnameseCodec.encode(letter, as: encoding)
            let theirs = try Iconv.convert(Array(letter.utf8), from: "UTF-8", to: name)
            #expect(ours == theirs, "\(letter) in \(name)")
        }
    }

    @Test(arguments: [0, 1])
    func everyByteDecodesLikeIconv(_ which: Int) throws {
        let (encoding, name) = Self.pairs[which]
        var compared = 0
        for byte in UInt8(0)...UInt8(255) {
            let theirs = try Iconv.convert([byte], from: name, to: "UTF-8")
            let ours = try? VietnameseCodec.decode([byte], as: encoding)
            if let theirs {
                // iconv leaves a lone combining mark as is; ours is the same scalar.
                #expect(ours.map { Array($0.utf8) } == theirs, "byte \(byte) in \(name)")
                compared += 1
            } else {
                #expect(ours == nil, "byte \(byte) is undefined in \(name)")
            }
        }
        #expect(compared == (encoding == .tcvn3 ? 256 : 247))
    }

    @Test func sampleTextMatchesIconvBothWays() throws {
        for (encoding, name) in Self.pairs {
            let ours = try #require(VietnameseCodec.encode(VietnameseLetters.sampleText, as: encoding))
            #expect(try Iconv.convert(Array(VietnameseLetters.sampleText.utf8), from: "UTF-8", to: name) == ours)
            let back = try #require(try Iconv.convert(ours, from: name, to: "UTF-8"))
            #expect(String(decoding: back, as: UTF8.self).precomposedStringWithCanonicalMapping == VietnameseLetters.sampleText)
        }
    }
}
