import Foundation
import Testing

@testable import Domain

/// `TextFolding.fold` must give exactly the keys of its original definition (canonical decomposition through
/// Foundation, combining marks dropped, `đ` → `d`, apostrophes straightened, lower case, whitespace collapsed):
/// the keys are stored and compared across runs. `FoldingOracle` is that definition, kept verbatim.
@Suite struct TextFoldingTests {
    @Test func knownKeys() {
        #expect(TextFolding.fold("Nguyễn  Đức Thắng") == "nguyen duc thang")
        #expect(TextFolding.fold("Ea H’leo") == "ea h'leo")
        #expect(TextFolding.fold("  THÀNH PHỐ\tHỒ CHÍ MINH \n") == "thanh pho ho chi minh")
        #expect(TextFolding.fold("") == "")
        #expect(TextFolding.fold(" \u{00A0}\u{3000} ") == "")
        #expect(TextFolding.fold("Zoë Müller") == "zoe muller")
        #expect(TextFolding.fold("İstanbul") == "istanbul")
        #expect(TextFolding.fold("ĐẶNG Thị Hoà") == "dang thi hoa")
        #expect(TextFolding.fold("a`b´c") == "a'b'c")
        #expect(TextFolding.fold("Øre ß Æ") == "øre ß æ")
        #expect(TextFolding.fold("x\u{0301}y") == "xy")
        #expect(TextFolding.fold("한국") == TextFolding.fold("한국".decomposedStringWithCanonicalMapping))
        #expect(TextFolding.fold("so 12 pho lang ha") == "so 12 pho lang ha")
    }

    @Test func everyScalarOfTheLatinAndVietnameseBlocksFoldsLikeTheOracle() {
        var ranges: [ClosedRange<UInt32>] = [0x0000...0x05FF, 0x1D00...0x1FFF, 0x2000...0x206F, 0x3000...0x3003, 0xFE00...0xFEFF]
        ranges.append(0xAC00...0xAC10)  // Hangul syllables decompose into jamo
        var checked = 0
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                for text in ["\(scalar)", "A\(scalar)b", " \(scalar) \(scalar)X", "\(scalar)\u{0301}", "ệ\(scalar)\u{0323}"] {
                    #expect(TextFolding.fold(text) == FoldingOracle.fold(text), "U+\(String(value, radix: 16))")
                    checked += 1
                }
            }
        }
        #expect(checked > 13_000)
    }

    @Test func decomposedAndMixedTextFoldsLikeTheOracle() {
        let samples = [
            "Nguyễn Văn An", "TRẦN THỊ BÌNH", "Lê Hoàng Tín", "Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh",
            "Xã Ea H'leo, Huyện Ea H’Leo", "Công ty TNHH   Thương mại An Phú", "Đắk Lắk", "Thừa Thiên - Huế",
            "Y Bih Niê", "H'Hen Niê", "Ksor Y Phun", "Thuỷ Thủy Thụy", "\u{FEFF}Nguyễn", "a\u{200B}b", "Ω≈ç√",
            "ǅemal ǈ ǋ", "ﬁ ﬂ", "Ａｂｃ", "Nguyễn\u{0323}\u{0302}", "e\u{0302}\u{0301}", "a\u{0483}\u{0301}",
            "\u{0301}leading mark", "tab\tand\u{2028}line", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "😀 Đ 😀", "Ǆ ǅ ǆ", "ΆΈΉ ά", "Ё й",
        ]
        for sample in samples {
            for variant in [sample, sample.decomposedStringWithCanonicalMapping, sample.precomposedStringWithCanonicalMapping, sample.uppercased()] {
                #expect(TextFolding.fold(variant) == FoldingOracle.fold(variant), "\(variant)")
            }
        }
    }

    @Test func pseudoRandomStringsFoldLikeTheOracle() {
        let alphabet = Array("aăâeêioôơuưyAĂÂEÊIOÔƠUƯYđĐàáảãạẦẤẨẪẬềếểễệ bcdghklmnpqrstvx BCDGH  \t\u{00A0}’`´'.-,0123456789".unicodeScalars)
            + ["\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}", "\u{0323}", "\u{0302}", "\u{0306}", "\u{031B}", "ß", "Ø", "İ", "ı", "ǅ"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<3_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<(next() % 24) { text.append(alphabet[next() % alphabet.count]) }
            let string = String(text)
            #expect(TextFolding.fold(string) == FoldingOracle.fold(string), "\(string.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func vietnameseTextTakesTheTablePath() {
        for text in ["Nguyễn  Đức Thắng", "Ea H’leo", "PHƯỜNG BẾN NGHÉ", "Zoë\u{00A0}Müller", "x\u{0301}y"] {
            let key = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * text.utf8.count + 4) { buffer in
                FoldTable.fold(text, into: buffer).map { String(decoding: UnsafeBufferPointer(rebasing: buffer[..<$0]), as: UTF8.self) }
            }
            #expect(key == FoldingOracle.fold(text), "\(text)")
        }
        for text in ["한국", "Ａｂｃ", "ΆΈΉ", "😀"] {
            let key = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * text.utf8.count + 4) { FoldTable.fold(text, into: $0) }
            #expect(key == nil, "\(text) is left to Foundation")
        }
        #expect(TextFolding.isFolded("nguyen van an"))
        #expect(!TextFolding.isFolded("nguyen  van"))
        #expect(!TextFolding.isFolded(" nguyen"))
        #expect(!TextFolding.isFolded("Nguyen"))
    }

    @Test func foldedTextIsAFixedPoint() {
        for text in ["nguyen van an", "so 12", "a'b", "øre", "x", "thanh pho ho chi minh"] {
            #expect(TextFolding.fold(text) == text)
            #expect(TextFolding.fold(TextFolding.fold("  " + text.uppercased() + " ")) == FoldingOracle.fold(text.uppercased()))
        }
    }
}

/// The original definition of `TextFolding.fold`, the reference the fast implementation is checked against.
enum FoldingOracle {
    static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        func append(_ scalar: Unicode.Scalar) {
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            scalars.append(scalar)
        }
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue
            case 0x0110, 0x0111: append("d")
            case 0x2018, 0x2019, 0x02BC, 0x0060, 0x00B4: append("'")
            default:
                if scalar.properties.isWhitespace {
                    pendingSpace = !scalars.isEmpty
                } else {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { append(lower) }
                }
            }
        }
        return String(scalars)
    }
}
