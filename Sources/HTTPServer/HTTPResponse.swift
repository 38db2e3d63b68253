import Foundation

/// A complete HTTP response: status, ordered headers and body bytes.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [HTTPHeader]
    public var body: [UInt8]

    public init(status: Int, headers: [HTTPHeader] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response whose body is already-encoded JSON, sent as `application/json`.
    public static func json(status: Int = 200, _ body: [UInt8], headers: [HTTPHeader] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: [HTTPHeader("Content-Type", "application/json")] + headers, body: body)
    }

    /// A response whose body is a JSON text, sent as `application/json`.
    public static func json(status: Int = 200, _ text: String, headers: [HTTPHeader] = []) -> HTTPResponse {
        json(status: status, Array(text.utf8), headers: headers)
    }

    /// A plain-text response, sent as `text/plain; charset=utf-8`.
    public static func text(status: Int = 200, _ text: String, headers: [HTTPHeader] = []) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: [HTTPHeader("Content-Type", "text/plain; charset=utf-8")] + headers,
            body: Array(text.utf8))
    }

    /// An RFC 9457 problem details response (`application/problem+json`).
    /// `type` defaults to `about:blank`, as the RFC prescribes for problems without a specific type.
    public static func problem(
        status: Int, title: String, detail: String? = nil, type: String = "about:blank", headers: [HTTPHeader] = []
    ) -> HTTPResponse {
        var fields: [String: Any] = ["type": type, "title": title, "status": status]
        if let detail { fields["detail"] = detail }
        let body =
            (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes]))
            .map { [UInt8]($0) } ?? Array(#"{"status":\#(status)}"#.utf8)
        return HTTPResponse(
            status: status, headers: [HTTPHeader("Content-Type", "application/problem+json")] + headers, body: body)
    }
}
