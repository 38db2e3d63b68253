/// Where one CSV field lies in the buffer.
struct CSVFieldSpan {
    /// Content range (inside the quotes for a quoted field).
    var start: Int
    var end: Int
    /// The field contains `""` that must be collapsed to `"`.
    var hasEscapedQuote: Bool
    /// OR of the content bytes: < 0x80 means pure ASCII.
    var highBits: UInt8
}

/// The outcome of scanning one row.
enum CSVRowScan {
    /// A complete row; `next` is the index after its line terminator.
    case row(next: Int)
    /// The row runs past the buffered bytes.
    case needMore
    /// A quoted field is still open at end of input; `quote` is the index of its opening quote.
    case unterminatedQuote(quote: Int)
}

/// A problem inside an otherwise complete row (the row is quarantined).
struct CSVRowIssue {
    var rule: String
    var message: String
}

/// RFC 4180 row scanning over raw bytes: quotes, doubled quotes, CR/LF/CRLF inside quotes, any delimiter.
enum CSVRowScanner {
    static let quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    /// Scans the row starting at `from` in `p[0..<end]`. Field spans are written to `fields` (cleared first);
    /// structural problems go to `issue` (first one wins).
    static func scan(
        _ p: UnsafeBufferPointer<UInt8>, from: Int, end: Int, eof: Bool, delimiter: UInt8,
        fields: inout [CSVFieldSpan], issue: inout CSVRowIssue?
    ) -> CSVRowScan {
        fields.removeAll(keepingCapacity: true)
        issue = nil
        var i = from
        while true {
            var span = CSVFieldSpan(start: i, end: i, hasEscapedQuote: false, highBits: 0)
            if i < end && p[i] == quote {
                let open = i
                i += 1
                span.start = i
                while true {
                    while i < end && p[i] != quote { span.highBits |= p[i]; i += 1 }
                    if i >= end { return eof ? .unterminatedQuote(quote: open) : .needMore }
                    if i + 1 >= end && !eof { return .needMore }
                    if i + 1 < end && p[i + 1] == quote { span.hasEscapedQuote = true; i += 2; continue }
                    span.end = i
                    i += 1
                    break
                }
                if i < end, p[i] != delimiter, p[i] != cr, p[i] != lf {
                    if issue == nil {
                        issue = CSVRowIssue(rule: "csv.text_after_quote", message: "text after the closing quote of field \(fields.count + 1)")
                    }
                    while i < end, p[i] != delimiter, p[i] != cr, p[i] != lf { i += 1 }
                }
            } else {
                while i < end {
                    let b = p[i]
                    if b == delimiter || b == lf || b == cr { break }
                    if b == quote && issue == nil {
                        issue = CSVRowIssue(rule: "csv.stray_quote", message: "a quote inside unquoted field \(fields.count + 1)")
                    }
                    span.highBits |= b
                    i += 1
                }
                span.end = i
            }
            if i >= end {
                if !eof { return .needMore }
                fields.append(span)
                return .row(next: i)
            }
            fields.append(span)
            let b = p[i]
            if b == delimiter { i += 1; continue }
            if b == cr {
                if i + 1 >= end && !eof { return .needMore }
                return .row(next: i + 1 < end && p[i + 1] == lf ? i + 2 : i + 1)
            }
            return .row(next: i + 1)
        }
    }
}

/// Picks the CSV delimiter from a sample.
enum CSVDelimiterSniffer {
    static let candidates: [UInt8] = [0x2C, 0x3B, 0x09, 0x7C]  // , ; TAB |

    /// The candidate that splits the first lines (outside quotes) into the most consistent non-zero field count;
    /// `,` when nothing matches.
    static func sniff(_ sample: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var best: (delimiter: UInt8, consistent: Int, count: Int) = (0x2C, 0, 0)
        for candidate in candidates {
            var counts: [Int] = []
            var current = 0
            var inQuotes = false
            for b in sample {
                if b == CSVRowScanner.quote { inQuotes.toggle() }
                else if !inQuotes && b == candidate { current += 1 }
                else if !inQuotes && b == CSVRowScanner.lf {
                    counts.append(current)
                    current = 0
                    if counts.count == 20 { break }
                }
            }
            if current > 0 { counts.append(current) }
            guard let first = counts.first, first > 0 else { continue }
            let consistent = counts.filter { $0 == first }.count
            if consistent > best.consistent || (consistent == best.consistent && first > best.count) {
                best = (candidate, consistent, first)
            }
        }
        return best.delimiter
    }
}
