import Foundation

/// Credentials for an HTTP source, read from files so that secrets never appear on the command line (where `ps`
/// and shell history would show them).
public enum HTTPCredentials: Sendable {
    /// `Authorization: Bearer TOKEN`.
    case bearer(token: String)
    /// HTTP Basic authentication.
    case basic(user: String, password: String)

    /// Reads a token file: the token on the first line (surrounding whitespace and the newline ignored).
    public static func bearer(tokenFile path: String) throws -> HTTPCredentials {
        let token = try firstLine(of: path, what: "bearer token")
        guard !token.contains(where: { $0 == " " || $0 == "\t" }) else {
            throw CredentialFileError(path: path, message: "the bearer token contains spaces")
        }
        return .bearer(token: token)
    }

    /// Reads a `user:password` file (one line; the password may contain ':').
    public static func basic(file path: String) throws -> HTTPCredentials {
        let line = try firstLine(of: path, what: "user:password line")
        guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
            throw CredentialFileError(path: path, message: "expected one line 'user:password'")
        }
        return .basic(user: String(line[..<colon]), password: String(line[line.index(after: colon)...]))
    }

    private static func firstLine(of path: String, what: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CredentialFileError(path: path, message: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CredentialFileError(path: path, message: "is not UTF-8 text")
        }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !line.isEmpty else { throw CredentialFileError(path: path, message: "holds no \(what)") }
        guard !line.contains(where: { $0.asciiValue.map { $0 < 32 || $0 == 127 } ?? false }) else {
            throw CredentialFileError(path: path, message: "contains control characters")
        }
        return line
    }
}

/// A credential file that cannot be used. Never quotes the file's content.
public struct CredentialFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "credential file \(path) \(message)" }
}
