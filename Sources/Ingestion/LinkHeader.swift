import Foundation

/// One link of an RFC 8288 `Link` header: `<https://host/export?page=2>; rel="next"`.
public struct WebLink: Hashable, Sendable {
    /// The target as written between `<` and `>` (possibly relative).
    public var target: String
    /// Parameters by lower-cased name, unquoted (`rel` → `next`).
    public var parameters: [String: String]

    public init(target: String, parameters: [String: String]) {
        self.target = target
        self.parameters = parameters
    }

    /// The relation types of `rel` (space-separated, lower-cased).
    public var relations: [String] {
        (parameters["rel"] ?? "").lowercased().split(separator: " ").map(String.init)
    }
}

/// Parses `Link` headers and picks the `rel="next"` page, as paged exports announce it.
public enum LinkHeader {
    /// All links of a header value. Commas and semicolons inside `<…>` and quoted strings are kept; malformed
    /// pieces are skipped (a broken header means "no next page", never a crash).
    public static func parse(_ header: String) -> [WebLink] {
        var links: [WebLink] = []
        var scalars = Substring(header).unicodeScalars[...]
        while true {
            scalars = scalars.drop { $0 == " " || $0 == "\t" || $0 == "," }
            guard let first = scalars.first else { break }
            guard first == "<", let close = scalars.firstIndex(of: ">") else {
                // Not a link: skip to the next top-level comma.
                scalars = scalars[skipParameters(scalars)...]
                continue
            }
            let target = String(scalars[scalars.index(after: scalars.startIndex)..<close])
            scalars = scalars[scalars.index(after: close)...]
            let end = skipParameters(scalars)
            let parameters = parseParameters(String(scalars[..<end]))
            scalars = scalars[end...]
            links.append(WebLink(target: target.trimmingCharacters(in: .whitespaces), parameters: parameters))
        }
        return links
    }

    /// The absolute URL of the first `rel="next"` link, resolved against `base` when relative; nil when there is none
    /// or it is not an http(s) URL.
    public static func nextURL(in header: String?, relativeTo base: String) -> String? {
        guard let header, let link = parse(header).first(where: { $0.relations.contains("next") }) else { return nil }
        guard let url = URL(string: link.target, relativeTo: URL(string: base)),
            let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else { return nil }
        return url.absoluteString
    }

    /// Index of the comma that ends this link's parameters (outside quotes), or the end.
    private static func skipParameters(_ scalars: Substring.UnicodeScalarView.SubSequence) -> Substring.UnicodeScalarView.Index {
        var inQuotes = false
        var escaped = false
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if escaped {
                escaped = false
            } else if inQuotes && scalar == "\\" {
                escaped = true
            } else if scalar == "\"" {
                inQuotes.toggle()
            } else if scalar == "," && !inQuotes {
                return index
            }
            index = scalars.index(after: index)
        }
        return scalars.endIndex
    }

    /// `; rel="next"; title=x` → ["rel": "next", "title": "x"]. The first occurrence of a name wins (RFC 8288 §3).
    private static func parseParameters(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        var current = ""
        var pieces: [String] = []
        var inQuotes = false
        for character in text {
            if character == "\"" { inQuotes.toggle() }
            if character == ";" && !inQuotes {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        for piece in pieces {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            let parts = trimmed.split(separator: "=", maxSplits: 1)
            let name = parts[0].trimmingCharacters(in: .whitespaces).lowercased()
            var value = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            if result[name] == nil { result[name] = value }
        }
        return result
    }
}
