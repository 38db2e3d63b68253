import Decoding
import Domain
import Foundation
import TextEncodings

extension DecodeOptions {
    /// Decoder options from the `--format`, `--encoding`, `--record`, `--schema`, `--delimiter`, `--alias` and `--namespace` flags of
    /// `decode` and `bench decode`; the format defaults to the file's extension (`.jsonl` and `.ndjson` are JSON).
    static func from(_ arguments: ParsedArguments, file: String, verb: String) throws -> DecodeOptions {
        let fileExtension = (file as NSString).pathExtension.lowercased()
        let extensionFormat = ["jsonl", "ndjson"].contains(fileExtension) ? .json : InputFormat(rawValue: fileExtension)
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
        for alias in arguments.all("--alias") {
            let parts = alias.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !CSVColumnAlias.key(parts[1]).isEmpty else {
                throw UsageError(message: "--alias expects COLUMN=NAME, got '\(alias)'", verb: verb)
            }
            if let other = options.csvColumnAliases.first(where: { CSVColumnAlias.key($0.key) == CSVColumnAlias.key(parts[1]) }), other.value != parts[0] {
                throw UsageError(message: "--alias: '\(parts[1])' is already an alias of '\(other.value)'", verb: verb)
            }
            options.csvColumnAliases[parts[1]] = parts[0]
        }
        for binding in arguments.all("--namespace") {
            let parts = binding.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, XMLNamespacePrefix.isValid(parts[0]), !parts[1].isEmpty else {
                throw UsageError(message: "--namespace expects PREFIX=URI with an XML name as PREFIX (not xml or xmlns), got '\(binding)'", verb: verb)
            }
            if let uri = options.xmlNamespaces[parts[0]], uri != parts[1] {
                throw UsageError(message: "--namespace: '\(parts[0])' is already bound to '\(uri)'", verb: verb)
            }
            if let prefix = options.xmlNamespaces.first(where: { $0.value == parts[1] && $0.key != parts[0] })?.key {
                throw UsageError(message: "--namespace: '\(parts[1])' already has the prefix '\(prefix)'", verb: verb)
            }
            options.xmlNamespaces[parts[0]] = parts[1]
        }
        return options
    }

    /// A delimiter as written in a flag or a mapping: one character, or `\t` / `tab` for TAB.
    static func delimiterByte(_ text: String) -> UInt8? {
        text == "\\t" || text == "tab" ? 9 : text.utf8.first
    }
}
