/// What a mapping or `decode --namespace` may use as an XML namespace prefix: an ASCII name (a letter or `_`, then
/// letters, digits, `_`, `-`, `.`), and not `xml` or `xmlns`, which XML reserves.
public enum XMLNamespacePrefix {
    public static func isValid(_ prefix: String) -> Bool {
        guard let first = prefix.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return prefix.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
            && !["xml", "xmlns"].contains(prefix.lowercased())
    }
}
