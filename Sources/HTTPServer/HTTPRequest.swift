/// A fully received HTTP request, as handed to the server's handler.
public struct HTTPRequest: Sendable {
    /// The request method as sent, e.g. `GET`.
    public let method: String
    /// The percent-decoded path, without the query string.
    public let path: String
    /// The request target exactly as it appeared on the request line, e.g. `/a%20b?x=1`.
    public let target: String
    /// Query items in order of appearance, form-decoded (`+` is a space, `%XX` decoded).
    public let queryItems: [(name: String, value: String)]
    /// Request headers in order of appearance.
    public let headers: [HTTPHeader]
    /// The request body (empty for requests without one).
    public let body: [UInt8]
    /// The client's IP address as text, e.g. `127.0.0.1`; empty if unknown.
    public let clientAddress: String

    public init(
        method: String, target: String, headers: [HTTPHeader] = [], body: [UInt8] = [], clientAddress: String = ""
    ) {
        let parsed = RequestTarget(target)
        self.method = method
        self.target = target
        self.path = parsed.path
        self.queryItems = parsed.queryItems
        self.headers = headers
        self.body = body
        self.clientAddress = clientAddress
    }

    /// The value of the first query item called `name` (case-sensitive), if any.
    public func query(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// The value of the first header called `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first(named: name)
    }

    /// The value of the first header called `name` without the spaces and tabs around it (RFC 9110's optional white
    /// space), compared case-insensitively. Trimmed on UTF-8 bytes: it runs for several headers of every request.
    public func trimmedHeader(_ name: String) -> Substring? {
        guard let value = header(name) else { return nil }
        var bytes = value.utf8[...]
        while let byte = bytes.first, byte == 0x20 || byte == 0x09 { bytes = bytes.dropFirst() }
        while let byte = bytes.last, byte == 0x20 || byte == 0x09 { bytes = bytes.dropLast() }
        return Substring(bytes)
    }
}
