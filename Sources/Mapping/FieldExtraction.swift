import Domain
import Foundation

/// A field's text after selection, transforms, code table and default, with what was noticed on the way.
struct FieldText {
    var text: String?
    var findings: [Finding] = []
}

/// Reads field values out of one raw record.
struct FieldExtraction {
    let record: RawNode

    /// The text at a selector: a text node, an element's own text, or a list's first item. Trimmed.
    func text(at path: RawPath) -> String? {
        guard var node = record.value(at: path) else { return nil }
        if case .list(let items) = node {
            guard let first = items.first else { return nil }
            node = first
        }
        return node.text.map(MappingText.trimmed)
    }

    /// The raw text of a source; a template needs every selected value to be present and non-empty, except the
    /// optional ones, and at least one value. With an optional value missing, the result is trimmed and its runs of
    /// spaces collapsed ("{so_nha?} {duong}" gives "Lê Lợi", not " Lê Lợi").
    func raw(_ source: ValueSource) -> String? {
        switch source {
        case .path(let path):
            return text(at: path)
        case .template(let template):
            var output = ""
            var selected = false
            var skipped = false
            for part in template.parts {
                switch part {
                case .literal(let literal): output += literal
                case .field(let path):
                    guard let value = text(at: path), !value.isEmpty else { return nil }
                    output += value
                    selected = true
                case .optionalField(let path):
                    if let value = text(at: path), !value.isEmpty {
                        output += value
                        selected = true
                    } else {
                        skipped = true
                    }
                }
            }
            guard selected else { return nil }
            return skipped ? MappingText.collapsingSpaces(output) : output
        }
    }

    /// Selection, string transforms, code table, then the default when nothing is left.
    /// Parsing transforms are not applied here (see `MappingEvaluator.canonicalText`).
    func text(_ spec: FieldSpec, field: String) -> FieldText {
        var result = FieldText()
        var text = spec.source.flatMap(raw)
        if var value = text {
            for transform in spec.transforms where !transform.isParsing { value = transform.rewrite(value) }
            text = value
        }
        if let value = text, !value.isEmpty, !spec.codes.isEmpty {
            if let mapped = spec.codes[TextFolding.fold(value)] {
                text = mapped
            } else {
                result.findings.append(
                    Finding(rule: "mapping.code_unmapped", severity: .warning, message: "the value is not in the field's code table", field: field))
            }
        }
        if text?.isEmpty ?? true { text = spec.defaultValue }
        result.text = text
        return result
    }

    /// Whether a condition holds for this record.
    func holds(_ condition: Condition) -> Bool {
        let value = text(at: condition.path) ?? ""
        switch condition.test {
        case .present(let expected): return value.isEmpty != expected
        case .oneOf(let options):
            let folded = TextFolding.fold(value)
            return options.contains { TextFolding.fold($0) == folded }
        }
    }
}
