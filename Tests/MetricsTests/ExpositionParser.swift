/// A deliberately small, strict parser of Prometheus text exposition 0.0.4, written independently of the
/// module's writer so that tests can check rendered output against the grammar.
enum ExpositionLine: Equatable {
    case help(name: String, text: String)
    case type(name: String, type: String)
    case sample(Sample)
}

struct Sample: Equatable {
    var name: String
    var labels: [(name: String, value: String)]
    var value: Double

    static func == (left: Sample, right: Sample) -> Bool {
        left.name == right.name && left.labels.map(\.name) == right.labels.map(\.name)
            && left.labels.map(\.value) == right.labels.map(\.value)
            && (left.value == right.value || (left.value.isNaN && right.value.isNaN))
    }
}

struct ExpositionParseError: Error, CustomStringConvertible {
    var line: String
    var reason: String
    var description: String { "\(reason) in line: \(line)" }
}

enum ExpositionParser {
    /// Parses every line of `text`, which must end in a line feed unless it is empty.
    static func parse(_ text: String) throws -> [ExpositionLine] {
        guard !text.isEmpty else { return [] }
        guard text.hasSuffix("\n") else { throw ExpositionParseError(line: "", reason: "no final line feed") }
        return try text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map {
            try parseLine(Array(String($0).unicodeScalars))
        }
    }

    static func parseLine(_ scalars: [Unicode.Scalar]) throws -> ExpositionLine {
        var cursor = Cursor(scalars: scalars)
        if cursor.consume("# HELP ") {
            let name = try cursor.metricName()
            guard cursor.consume(" ") else { throw cursor.error("no space after HELP name") }
            var text = ""
            while let scalar = cursor.next() {
                if scalar == "\\" {
                    switch cursor.next() {
                    case "\\": text += "\\"
                    case "n": text += "\n"
                    default: throw cursor.error("bad escape in HELP")
                    }
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
            return .help(name: name, text: text)
        }
        if cursor.consume("# TYPE ") {
            let name = try cursor.metricName()
            guard cursor.consume(" ") else { throw cursor.error("no space after TYPE name") }
            let type = cursor.rest()
            guard ["counter", "gauge", "histogram", "summary", "untyped"].contains(type) else {
                throw cursor.error("unknown type \(type)")
            }
            return .type(name: name, type: type)
        }
        let name = try cursor.metricName()
        var labels: [(name: String, value: String)] = []
        if cursor.consume("{") {
            while !cursor.consume("}") {
                if !labels.isEmpty, !cursor.consume(",") { throw cursor.error("expected , between labels") }
                let labelName = try cursor.labelName()
                guard cursor.consume("=\"") else { throw cursor.error("expected =\" after label name") }
                labels.append((labelName, try cursor.quotedLabelValue()))
            }
        }
        guard cursor.consume(" ") else { throw cursor.error("expected one space before the value") }
        let valueText = cursor.rest()
        let value: Double
        switch valueText {
        case "+Inf": value = .infinity
        case "-Inf": value = -.infinity
        case "NaN": value = .nan
        default:
            guard let parsed = Double(valueText), parsed.isFinite, !valueText.contains(" ") else {
                throw cursor.error("bad value \(valueText)")
            }
            value = parsed
        }
        return .sample(Sample(name: name, labels: labels, value: value))
    }

    private struct Cursor {
        let scalars: [Unicode.Scalar]
        var index = 0

        func error(_ reason: String) -> ExpositionParseError {
            var line = ""
            line.unicodeScalars.append(contentsOf: scalars)
            return ExpositionParseError(line: line, reason: reason)
        }

        mutating func next() -> Unicode.Scalar? {
            guard index < scalars.count else { return nil }
            defer { index += 1 }
            return scalars[index]
        }

        mutating func consume(_ literal: String) -> Bool {
            let expected = Array(literal.unicodeScalars)
            guard scalars[index...].starts(with: expected) else { return false }
            index += expected.count
            return true
        }

        mutating func rest() -> String {
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[index...])
            index = scalars.count
            return text
        }

        mutating func identifier(allowColon: Bool) -> String {
            var text = ""
            while index < scalars.count {
                let scalar = scalars[index]
                let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
                let isDigit = ("0"..."9").contains(scalar)
                guard isLetter || (isDigit && !text.isEmpty) || (allowColon && scalar == ":") else { break }
                text.unicodeScalars.append(scalar)
                index += 1
            }
            return text
        }

        mutating func metricName() throws -> String {
            let name = identifier(allowColon: true)
            guard !name.isEmpty else { throw error("missing metric name") }
            return name
        }

        mutating func labelName() throws -> String {
            let name = identifier(allowColon: false)
            guard !name.isEmpty, !name.hasPrefix("__") else { throw error("bad label name") }
            return name
        }

        mutating func quotedLabelValue() throws -> String {
            var value = ""
            while let scalar = next() {
                switch scalar {
                case "\"": return value
                case "\n": throw error("raw newline in label value")
                case "\\":
                    switch next() {
                    case "\\": value += "\\"
                    case "\"": value += "\""
                    case "n": value += "\n"
                    default: throw error("bad escape in label value")
                    }
                default: value.unicodeScalars.append(scalar)
                }
            }
            throw error("unterminated label value")
        }
    }
}
