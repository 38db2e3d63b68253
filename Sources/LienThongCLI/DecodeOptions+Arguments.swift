import Decoding
import Foundation
import TextEncodings

extension DecodeOptions {
    /// Decoder options from the `--format`, `--encoding`, `--record`, `--schema` and `--delimiter` flags of `decode` and
    /// `bench decode`; the format defaults to the file's extension.
    static func from(_ arguments: ParsedArguments, file: String, verb: String) throws -> DecodeOptions {
        let extensionFormat = InputFormat(rawValue: (file as NSString).pathExtension.lowercased())
        guard let format = arguments.value("--format").map({ InputFormat(rawValue: $0) }) ?? extensionFormat else {
            throw UsageError(message: "cannot tell the format of '\(file)'; pass --format csv|json|xml", verb: verb)
        }
        var options = DecodeOptions(format: format)
        if let name = arguments.value("--encoding"), name != "auto" {
            guard let encoding = TextEncoding(rawValue: name) else {
                throw UsageError(message: "unknown --encoding '\(name)'", verb: verb)
            }
            options.encoding = encoding
        }
        options.recordPath = arguments.value("--record")
        options.xmlSchemaPath = arguments.value("--schema")
        options.csvDelimiter = arguments.value("--delimiter").flatMap(delimiterByte)
        return options
    }

    /// A delimiter as written in a flag or a mapping: one character, or `\t` / `tab` for TAB.
    static func delimiterByte(_ text: String) -> UInt8? {
        text == "\\t" || text == "tab" ? 9 : text.utf8.first
    }
}
