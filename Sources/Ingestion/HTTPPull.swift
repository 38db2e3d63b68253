import Foundation

/// How a paged export announces its pages.
public enum Paging: Hashable, Sendable {
    /// Follow `Link: <…>; rel="next"` response headers until a page has none.
    case linkHeader
    /// Request `URL?name=first`, `name=first+1` … until a page is empty (also follows no `Link` headers).
    case pageParameter(name: String, first: Int)
}

/// What a pull of one export gave.
public enum PullOutcome: Hashable, Sendable {
    /// The first page answered 304: nothing downloaded, nothing to apply, checkpoints unchanged.
    case notModified
    /// The non-empty pages, in order, and the validator checkpoints to commit in the same transaction as their data.
    case downloaded(pages: [HTTPDownload], checkpoints: [CheckpointUpdate])
}

/// Pulls one HTTP(S) export, page by page, into local files.
///
/// The first request is conditional on the validators stored for the URL (`ETag` → `If-None-Match`,
/// `Last-Modified` → `If-Modified-Since`); they describe the first page, so for paged exports they only help when the
/// server's validators cover the whole export. Empty bodies are never returned as pages.
public struct HTTPPull: Sendable {
    public var fetcher: HTTPFetcher
    public var paging: Paging
    /// A pull stops with an error after this many pages (a server that never ends).
    public var maxPages: Int

    public init(fetcher: HTTPFetcher, paging: Paging = .linkHeader, maxPages: Int = 10_000) {
        self.fetcher = fetcher
        self.paging = paging
        self.maxPages = max(1, maxPages)
    }

    /// The checkpoint keys holding a URL's validators.
    public static func etagKey(_ url: String) -> String { "etag:\(url)" }
    public static func lastModifiedKey(_ url: String) -> String { "last-modified:\(url)" }

    /// Downloads every page of `url` into `directory` (which must exist) as `page-1.body`, `page-2.body` …
    /// `isEmptyPage` decides, in `pageParameter` mode, whether a non-empty body holds no records (say `[]` or a
    /// CSV header alone), which ends the export.
    public func run(
        url: String, checkpoints: some Checkpoints, into directory: String,
        isEmptyPage: (HTTPDownload) throws -> Bool = { _ in false },
        onRetry: (HTTPRetryNotice) -> Void = { _ in }, sleep: (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }
    ) throws -> PullOutcome {
        try HTTPFetcher.validate(url: url)
        let validators = HTTPValidators(
            etag: try checkpoints.value(forKey: Self.etagKey(url)),
            lastModified: try checkpoints.value(forKey: Self.lastModifiedKey(url)))
        var pages: [HTTPDownload] = []
        var first: HTTPDownload?
        var seen: Set<String> = []
        var pageURL: String? = try firstPageURL(url)
        var number = 0
        while let current = pageURL {
            number += 1
            guard number <= maxPages else { throw HTTPFetchError(url: url, reason: .tooManyPages(maxPages)) }
            seen.insert(current)
            let outcome = try fetcher.fetch(
                current, validators: number == 1 ? validators : HTTPValidators(), to: "\(directory)/page-\(number).body",
                onRetry: onRetry, sleep: sleep)
            guard case .downloaded(let page) = outcome else { return .notModified }
            if number == 1 { first = page }
            let empty = try page.bytes == 0 || (isParameterPaging && isEmptyPage(page))
            if empty {
                try? FileManager.default.removeItem(atPath: page.path)
            } else {
                pages.append(page)
            }
            switch paging {
            case .linkHeader:
                if let next = page.nextURL, seen.contains(next) {
                    throw HTTPFetchError(url: current, reason: .pagingLoop(next))
                }
                pageURL = page.nextURL
            case .pageParameter(let name, let start):
                pageURL = empty ? nil : try Self.url(current, setting: name, to: start + number)
            }
        }
        let updates = [
            CheckpointUpdate(key: Self.etagKey(url), value: first?.etag),
            CheckpointUpdate(key: Self.lastModifiedKey(url), value: first?.lastModified),
        ]
        return .downloaded(pages: pages, checkpoints: updates)
    }

    private var isParameterPaging: Bool {
        if case .pageParameter = paging { return true }
        return false
    }

    private func firstPageURL(_ url: String) throws -> String {
        guard case .pageParameter(let name, let first) = paging else { return url }
        return try Self.url(url, setting: name, to: first)
    }

    /// `url` with query parameter `name` set to `value` (replacing an existing one, else appended).
    public static func url(_ url: String, setting name: String, to value: Int) throws -> String {
        guard var components = URLComponents(string: url) else {
            throw HTTPFetchError(url: url, reason: .invalidURL("cannot add the page parameter"))
        }
        var items = components.queryItems ?? []
        if let index = items.firstIndex(where: { $0.name == name }) {
            items[index].value = String(value)
        } else {
            items.append(URLQueryItem(name: name, value: String(value)))
        }
        components.queryItems = items
        guard let result = components.string else {
            throw HTTPFetchError(url: url, reason: .invalidURL("cannot add the page parameter"))
        }
        return result
    }
}
