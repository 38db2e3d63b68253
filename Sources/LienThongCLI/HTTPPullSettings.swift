import Ingestion

/// The options of an HTTP(S) pull as an operator writes them — a daemon source's `connector:` or `ingest`'s
/// command-line options — turned into an `HTTPPull` by one builder (`pull()`), per run.
struct HTTPPullSettings: Sendable, Equatable {
    var connectTimeout = 10.0
    var timeout = 300.0
    var retries = 3
    var pageParameter: String?
    var firstPage = 1
    var maxPages = 10_000
    var bearerTokenFile: String?
    var basicAuthFile: String?
    var caFile: String?
    var certificateFile: String?
    var keyFile: String?
    var maxBytes: Int64?

    /// Why `name` cannot be a page query parameter (nil: it can): letters, digits, `_`, `-` and `.`.
    static func pageParameterProblem(_ name: String) -> String? {
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }) else {
            return "expected a query parameter name (letters, digits, '_', '-', '.'), got '\(name)'"
        }
        return nil
    }

    /// Why these settings cannot work together (nil: they can).
    var conflict: String? {
        if bearerTokenFile != nil && basicAuthFile != nil { return "give a bearer token file or a basic auth file, not both" }
        if keyFile != nil && certificateFile == nil { return "a client key needs its client certificate" }
        return nil
    }

    /// The pull these settings describe; reads the credential files (`CredentialFileError` when one cannot be used).
    func pull() throws -> HTTPPull {
        var options = HTTPFetchOptions()
        options.connectTimeout = connectTimeout
        options.timeout = timeout
        options.retry.retries = retries
        if let bearerTokenFile { options.credentials = try .bearer(tokenFile: bearerTokenFile) }
        if let basicAuthFile { options.credentials = try .basic(file: basicAuthFile) }
        options.caCertificateFile = caFile
        options.clientCertificateFile = certificateFile
        options.clientKeyFile = keyFile
        options.maxBytes = maxBytes
        let paging = pageParameter.map { Paging.pageParameter(name: $0, first: firstPage) } ?? .linkHeader
        return HTTPPull(fetcher: HTTPFetcher(options: options), paging: paging, maxPages: maxPages)
    }
}
