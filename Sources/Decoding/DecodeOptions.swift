import Domain
import TextEncodings

/// The structured formats a source file can be in.
public enum InputFormat: String, Sendable, CaseIterable {
    case csv, json, xml
}

/// How to read one input file.
public struct DecodeOptions: Sendable {
    public var format: InputFormat
    /// nil = detect from the first 64 KiB (BOM, UTF-8 validity, Vietnamese syllable scoring). XML: nil = libxml2
    /// follows the document's BOM or encoding declaration, and an undeclared file that is not UTF-8 is detected and
    /// transcoded (`XMLLegacyInput`); Windows-1258, TCVN3 and VNI override the declaration.
    public var encoding: TextEncoding?
    /// nil = sniff among `,` `;` TAB `|` on the first lines.
    public var csvDelimiter: UInt8?
    /// The first CSV row names the columns (records are `.object`s); otherwise records are `.list`s.
    public var csvHeader: Bool
    /// CSV header names to read as another column name: other name → the name records use (compared as
    /// `CSVColumnAlias.key`). A header that names one column twice, by name or by alias, fails the file.
    public var csvColumnAliases: [String: String] = [:]
    /// XML: a record element's local name (`cong_dan`, matched at any depth) or an absolute path of local names
    /// (`/dan_cu/cong_dan`); nil = the children of the root element.
    /// JSON: a JSON pointer to the array of records (`/data/items`); nil = a top-level array or JSON Lines.
    public var recordPath: String?
    /// A record larger than this many bytes makes the file fail (memory stays bounded).
    public var maxRecordBytes: Int
    /// XML: prefix → namespace URI, the prefixes selectors use (`input.namespaces`). A name in a bound namespace is
    /// keyed `prefix:local` with this prefix, whatever prefix the document writes; see `XMLNameTable`.
    public var xmlNamespaces: [String: String] = [:]
    /// XML: an XSD the document is validated against while it streams; a record with violations is a record error
    /// (every violation a reason), violations outside records fail the file. nil = no validation.
    public var xmlSchemaPath: String?

    public init(
        format: InputFormat, encoding: TextEncoding? = nil, csvDelimiter: UInt8? = nil, csvHeader: Bool = true,
        recordPath: String? = nil, maxRecordBytes: Int = 16 << 20, xmlSchemaPath: String? = nil
    ) {
        self.xmlSchemaPath = xmlSchemaPath
        self.format = format
        self.encoding = encoding
        self.csvDelimiter = csvDelimiter
        self.csvHeader = csvHeader
        self.recordPath = recordPath
        self.maxRecordBytes = maxRecordBytes
    }
}

/// A record-level problem: the record is quarantined, the rest of the file goes on.
public struct RecordError: Error, Sendable {
    public var location: SourceLocation
    /// The record's source text (truncated for huge records).
    public var rawText: String
    /// Why the record was rejected, each with a stable rule name (`csv.ragged_row`, `json.record_not_object` …).
    public var reasons: [Finding]

    public init(location: SourceLocation, rawText: String, reasons: [Finding]) {
        self.location = location
        self.rawText = rawText
        self.reasons = reasons
    }
}

/// What a completed decode saw.
public struct DecodeSummary: Sendable, Equatable {
    /// Records read: the ones passed to `onRecord` plus the ones passed to `onRecordError`.
    public var records: Int
    /// Records passed to `onRecordError`.
    public var recordErrors: Int
    /// Input bytes read.
    public var bytes: Int
    /// The encoding used (given or detected).
    public var encoding: TextEncoding

    public init(records: Int, recordErrors: Int, bytes: Int, encoding: TextEncoding) {
        self.records = records
        self.recordErrors = recordErrors
        self.bytes = bytes
        self.encoding = encoding
    }
}
