import Foundation

/// Where the CLI writes: results on stdout, diagnostics on stderr. Buffered; flushed at exit.
final class Console {
    private let stdout = FileHandle.standardOutput
    private let stderr = FileHandle.standardError
    private var outBuffer: [UInt8] = []

    /// True when stderr is a terminal and NO_COLOR is unset: progress and colour are allowed.
    let isInteractive: Bool = isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    func out(_ line: String) {
        outBuffer.append(contentsOf: line.utf8)
        outBuffer.append(10)
        if outBuffer.count >= 1 << 16 { flush() }
    }

    func error(_ line: String) {
        flush()
        stderr.write(Data((line + "\n").utf8))
    }

    /// A transient progress line on a TTY (stderr only); nothing when piped.
    func progress(_ text: String) {
        guard isInteractive else { return }
        stderr.write(Data(("\r\u{1B}[2K" + text).utf8))
    }

    func endProgress() {
        guard isInteractive else { return }
        stderr.write(Data("\r\u{1B}[2K".utf8))
    }

    func flush() {
        guard !outBuffer.isEmpty else { return }
        stdout.write(Data(outBuffer))
        outBuffer.removeAll(keepingCapacity: true)
    }

    /// Pretty JSON of an Encodable value on stdout.
    func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        out(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// One compact JSON line of an Encodable value on stdout.
    func jsonLine<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        out(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

extension Console {
    /// A question on stdout without a newline, flushed so that the user sees it before typing.
    func prompt(_ text: String) {
        flush()
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
