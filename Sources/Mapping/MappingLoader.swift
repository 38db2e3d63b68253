import Domain
import Foundation
import YAML

/// Reads and checks a mapping file. Every problem is reported at once, each with file:line:column and,
/// for misspelt names, the nearest valid one.
public enum MappingLoader {
    static let topLevelKeys = ["mapping", "description", "source", "registry", "input", "key", "outputs", "links", "examples"]
    static let formats = ["csv", "json", "xml"]
    static let encodings = ["utf-8", "windows-1258", "tcvn3", "vni", "auto"]

    /// Loads the mapping file at `path`. Throws `DiagnosticList` with every error found.
    public static func load(path: String) throws -> Mapping {
        let root: YAMLNode
        let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
        do throws(YAMLErrorList) {
            if let bytes { root = try YAMLParser.parse(bytes: bytes, file: path) } else { root = try YAMLParser.parse(contentsOf: path) }
        } catch {
            throw DiagnosticList(error.errors.map(Diagnostic.init))
        }
        var mapping = try load(root: root, file: path)
        mapping.sourceDigest = bytes.map { String(FNV1a.hash(bytes: $0), radix: 16) }
        return mapping
    }

    /// Loads a mapping from YAML text; `file` names it in diagnostics.
    public static func load(text: String, file: String) throws -> Mapping {
        let root: YAMLNode
        do {
            root = try YAMLParser.parse(text, file: file)
        } catch {
            throw DiagnosticList(error.errors.map(Diagnostic.init))
        }
        var mapping = try load(root: root, file: file)
        mapping.sourceDigest = String(FNV1a.hash(text), radix: 16)
        return mapping
    }

    static func load(root: YAMLNode, file: String) throws -> Mapping {
        var reader = MappingReader()
        let mapping = read(root, file: file, reader: &reader)
        guard reader.errors.isEmpty, let mapping else {
            let sorted = reader.errors.sorted { ($0.position.line, $0.position.column) < ($1.position.line, $1.position.column) }
            throw DiagnosticList(sorted.map(Diagnostic.init))
        }
        return mapping
    }

    private static func read(_ root: YAMLNode, file: String, reader: inout MappingReader) -> Mapping? {
        guard reader.check(root, allowed: topLevelKeys, required: ["mapping", "source", "registry", "input", "key", "outputs"], context: "the mapping file")
        else { return nil }
        let name = reader.string(root["mapping"], "mapping")
        _ = reader.string(root["description"], "description")
        let source = root["source"].flatMap { identifier($0, "source", &reader) }
        let registry = root["registry"].flatMap { identifier($0, "registry", &reader) }
        let input = root["input"].flatMap { inputSpec($0, &reader, file: file) }
        let key = root["key"].flatMap { reader.field($0, "key") }
        var outputs: [OutputSpec] = []
        if let outputsNode = root["outputs"] {
            if case .sequence(let items) = outputsNode.content, !items.isEmpty {
                for (index, item) in items.enumerated() {
                    guard let output = reader.output(item, index: index) else { continue }
                    if outputs.contains(where: { $0.id == output.id }), let idNode = item["id"] {
                        reader.fail(idNode, "mapping.duplicate_id", "output id '\(output.id)' is used twice")
                    }
                    outputs.append(output)
                }
            } else {
                reader.fail(outputsNode, "mapping.type", "outputs must be a non-empty list of outputs")
            }
        }
        var links: [LinkSpec] = []
        if let linksNode = root["links"] {
            if case .sequence(let items) = linksNode.content {
                links = items.enumerated().compactMap { reader.link($1, index: $0, outputs: outputs) }
            } else {
                reader.fail(linksNode, "mapping.type", "links must be a list of {type, from, to}")
            }
        }
        var examples: [MappingExample] = []
        if let examplesNode = root["examples"] {
            if case .sequence(let items) = examplesNode.content {
                examples = items.enumerated().compactMap { reader.example($1, index: $0, outputs: outputs) }
            } else {
                reader.fail(examplesNode, "mapping.type", "examples must be a list of {record, expect}")
            }
        }
        guard let name, let source, let registry, let input, let key else { return nil }
        return Mapping(
            file: file, name: name, source: source, registry: registry, input: input, key: key, outputs: outputs, links: links,
            examples: examples)
    }

    /// A lower-case name: letters, digits, `_` and `-`, starting with a letter.
    private static func identifier(_ node: YAMLNode, _ what: String, _ reader: inout MappingReader) -> String? {
        guard let text = reader.string(node, what) else { return nil }
        let valid = text.first.map { $0.isASCII && $0.isLowercase } == true
            && text.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" || $0 == "-" }
        guard valid else {
            reader.fail(node, "mapping.bad_name", "\(what) '\(text)' must be lower-case letters, digits, '_' or '-'")
            return nil
        }
        return text
    }

    private static func inputSpec(_ node: YAMLNode, _ reader: inout MappingReader, file: String) -> InputSpec? {
        guard reader.check(node, allowed: ["format", "encoding", "record", "delimiter", "header", "aliases", "namespaces", "schema"], required: ["format"], context: "input")
        else { return nil }
        guard let format = reader.choice(node["format"], "input.format", in: formats) else { return nil }
        let encoding = node["encoding"].flatMap { reader.choice($0, "input.encoding", in: encodings) }
        let record = reader.string(node["record"], "input.record")
        var delimiter: String?
        if let delimiterNode = node["delimiter"], let text = reader.string(delimiterNode, "input.delimiter") {
            if format != "csv" {
                reader.fail(delimiterNode, "mapping.conflict", "input.delimiter applies only to csv")
            } else if text.count != 1 {
                reader.fail(delimiterNode, "mapping.bad_value", "input.delimiter must be one character, found '\(text)'")
            } else {
                delimiter = text
            }
        }
        if format != "csv", let header = node["header"] {
            reader.fail(header, "mapping.conflict", "input.header applies only to csv")
        }
        let header = reader.bool(node["header"], "input.header") ?? true
        var schema: String?
        if let schemaNode = node["schema"], let text = reader.string(schemaNode, "input.schema") {
            if format != "xml" {
                reader.fail(schemaNode, "mapping.conflict", "input.schema applies only to xml")
            } else {
                // Relative to the mapping file, so a mapping and its schema move together.
                let base = file.lastIndex(of: "/").map { String(file[..<$0]) } ?? ""
                schema = text.hasPrefix("/") || base.isEmpty ? text : base + "/" + text
            }
        }
        var input = InputSpec(format: format, encoding: encoding, record: record, csvDelimiter: delimiter, csvHeader: header, xmlSchema: schema)
        if let aliases = node["aliases"] {
            if format != "csv" || !header {
                reader.fail(aliases, "mapping.conflict", "input.aliases applies only to csv with a header")
            } else {
                input.csvAliases = csvAliases(aliases, &reader)
            }
        }
        if let namespaces = node["namespaces"] {
            if format != "xml" {
                reader.fail(namespaces, "mapping.conflict", "input.namespaces applies only to xml")
            } else {
                input.xmlNamespaces = xmlNamespaces(namespaces, &reader)
            }
        }
        return input
    }

    /// `namespaces: {prefix: URI}`: the prefixes selectors use for the document's namespaces.
    private static func xmlNamespaces(_ node: YAMLNode, _ reader: inout MappingReader) -> [String: String] {
        guard case .mapping = node.content else {
            reader.fail(node, "mapping.type", "input.namespaces must map a prefix to a namespace URI, found \(node.shapeName)")
            return [:]
        }
        var namespaces: [String: String] = [:]
        for pair in node.pairs {
            guard let prefix = reader.string(pair.key, "input.namespaces key"), let uri = reader.string(pair.value, "input.namespaces.\(prefix)") else {
                continue
            }
            if !XMLNamespacePrefix.isValid(prefix) {
                reader.fail(
                    pair.key, "mapping.bad_name",
                    "'\(prefix)' is not a namespace prefix (a letter or '_', then letters, digits, '_', '-', '.'; not xml or xmlns)")
            } else if uri.isEmpty {
                reader.fail(pair.value, "mapping.bad_value", "input.namespaces.\(prefix) needs the namespace URI")
            } else if let other = namespaces.first(where: { $0.value == uri })?.key {
                reader.fail(pair.value, "mapping.conflict", "'\(uri)' already has the prefix '\(other)'")
            } else {
                namespaces[prefix] = uri
            }
        }
        return namespaces
    }

    /// `aliases: {column: [other name, …]}`: each other name belongs to one column.
    private static func csvAliases(_ node: YAMLNode, _ reader: inout MappingReader) -> [String: [String]] {
        guard case .mapping = node.content else {
            reader.fail(node, "mapping.type", "input.aliases must map a column name to its other names, found \(node.shapeName)")
            return [:]
        }
        var aliases: [String: [String]] = [:]
        var claimed: [String: String] = [:]
        let columns = Set(node.pairs.compactMap { $0.key.scalarText.map(CSVColumnAlias.key) })
        for pair in node.pairs {
            guard let column = reader.string(pair.key, "input.aliases key") else { continue }
            for (name, at) in reader.strings(pair.value, "input.aliases.\(column)") {
                let key = CSVColumnAlias.key(name)
                if key.isEmpty {
                    reader.fail(at, "mapping.bad_value", "an alias of '\(column)' is empty")
                    continue
                }
                if columns.contains(key) && key != CSVColumnAlias.key(column) {
                    reader.fail(at, "mapping.conflict", "'\(name)' is a column of its own here, not an alias of '\(column)'")
                    continue
                }
                if let other = claimed[key], other != column {
                    reader.fail(at, "mapping.conflict", "'\(name)' is already an alias of '\(other)'")
                    continue
                }
                claimed[key] = column
                aliases[column, default: []].append(name)
            }
        }
        return aliases
    }
}
