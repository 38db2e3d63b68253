import Foundation
import Testing
@testable import TextEncodings

@Suite struct DetectionTests {
    @Test(arguments: [TextEncoding.tcvn3, .windows1258, .vni, .utf8, .utf16])
    func detectsRealisticMultiLineSamples(_ encoding: TextEncoding) throws {
        let bytes = try #require(VietnameseCodec.encode(VietnameseLetters.sampleText, as: encoding))
        #expect(EncodingDetector.detect(bytes) == encoding)
    }

    @Test(arguments: [TextEncoding.tcvn3, .windows1258, .vni])
    func detectsCSVRowsInLegacyEncodings(_ encoding: TextEncoding) throws {
        let csv = """
            so_cccd;ho_ten;ngay_sinh;que_quan
            001085012345;Trần Thị Bích Ngọc;1985-03-12;Hà Nội
            079090001122;Lê Văn Tám;1990-01-01;Bình Dương
            048201000033;Huỳnh Thị Mỹ Duyên;2001-07-30;Đà Nẵng
            """
        let bytes = try #require(VietnameseCodec.encode(csv, as: encoding))
        #expect(EncodingDetector.detect(bytes) == encoding)
    }

    @Test func bomsAndASCII() {
        #expect(EncodingDetector.detect([0xEF, 0xBB, 0xBF, 0x61]) == .utf8)
        #expect(EncodingDetector.detect([0xFE, 0xFF, 0x00, 0x61]) == .utf16)
        #expect(EncodingDetector.detect([0xFF, 0xFE, 0x61, 0x00]) == .utf16)
        #expect(EncodingDetector.detect(Array("id,name\n1,Nguyen Van A\n".utf8)) == .utf8)
        #expect(EncodingDetector.detect([UInt8]()) == .utf8)
    }

    @Test func truncatedUTF8AtSampleEndIsStillUTF8() {
        let bytes = Array("Nguyễn Văn Ánh".utf8)
        #expect(EncodingDetector.detect(bytes.dropLast(1)) == .utf8)
    }

    @Test func syllableChecker() {
        for word in ["Nguyễn", "nghiêng", "chào", "gì", "khuya", "Quyết", "đường", "Ủy", "giữa", "người"] {
            #expect(VietnameseSyllable.isValid(word), "\(word)")
        }
        for word in ["chaøo", "chµo", "Nguyờịn", "aăâ", "xyzw", "hoàá"] {
            #expect(!VietnameseSyllable.isValid(word), "\(word)")
        }
    }
}
