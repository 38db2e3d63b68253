import Foundation

/// The Vietnamese alphabet's vowels with every tone, plus đ, in NFC.
enum VietnameseLetters {
    static let vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
    static let tones = ["", "\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}", "\u{0323}"]

    /// 12 vowels × 6 tone forms + đ = 73 lower-case letters, 67 of them non-ASCII.
    static let lowercase: [String] = vowels.flatMap { v in tones.map { (v + $0).precomposedStringWithCanonicalMapping } } + ["đ"]
    static let uppercase: [String] = lowercase.map { $0.uppercased() }
    static let all: [String] = lowercase + uppercase
    static let nonASCII: [String] = all.filter { !$0.unicodeScalars.allSatisfy(\.isASCII) }

    static let sampleText = """
        Cộng hòa Xã hội Chủ nghĩa Việt Nam
        Độc lập - Tự do - Hạnh phúc
        Họ và tên: Nguyễn Đức Thắng; ngày sinh 12/03/1985; nơi sinh: xã Ea H'leo, tỉnh Đắk Lắk
        Địa chỉ thường trú: số 7 đường Trần Hưng Đạo, phường Bến Thành, Thành phố Hồ Chí Minh
        Ông bà Phạm Thị Ánh Tuyết và Lê Văn Hùng đã đăng ký kết hôn tại Ủy ban nhân dân xã
        Quyền sử dụng đất thửa số 125 tờ bản đồ số 8, diện tích 250 mét vuông, mục đích sử dụng đất ở
        """
}

/// Runs glibc iconv as an independent oracle.
enum Iconv {
    static func convert(_ input: [UInt8], from: String, to: String) throws -> [UInt8]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", from, "-t", to]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? Array(output) : nil
    }

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/iconv") }
}
