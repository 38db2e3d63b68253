/// How a CSV header name is compared with the other names a mapping gives a column (`input.aliases`): letter case,
/// the white space around it and the length of white-space runs inside it do not matter (String comparison already
/// ignores NFC/NFD differences).
public enum CSVColumnAlias {
    /// The name as compared.
    public static func key(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
