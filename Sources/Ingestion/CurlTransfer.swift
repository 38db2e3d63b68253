import CCurl
import Foundation

/// What one libcurl attempt produced.
struct TransferResult {
    /// `CURLE_OK` (0) or the libcurl error code.
    var curlCode: Int
    /// libcurl's error buffer text (or `curl_easy_strerror`) when `curlCode != 0`.
    var curlMessage: String
    /// The final response's status (0 when none arrived).
    var status: Int
    /// The final status line's reason phrase (`Internal Server Error`; empty for HTTP/2).
    var statusText: String
    /// The final response's headers by lower-cased name; repeated headers joined with ", ".
    var headers: [String: String]
    /// Bytes of a 2xx body written to the destination file (GET), or of the whole response body received (POST).
    var bodyBytes: Int64
    /// The body grew beyond `maxBytes` and the transfer was aborted.
    var bodyTooLarge: Bool
    /// Writing the destination file failed (errno text).
    var localError: String?
    /// The first bytes of a non-2xx body, for error messages.
    var errorBody: String
    /// POST only: the first bytes of the response body, whatever its status (at most the capture limit).
    var capturedBody: [UInt8] = []
}

/// One blocking libcurl transfer on the calling thread (the CLI is synchronous; never call this from Dispatch or
/// Swift-concurrency threads). A GET's 2xx body streams into `bodyPath`, so memory stays fixed whatever its size;
/// a POST sends an in-memory body and keeps a bounded prefix of the response in memory.
enum CurlTransfer {
    private static let globalInit: Int = Int(curl_global_init(Int(CURL_GLOBAL_ALL)).rawValue)

    /// GET `url`, following up to 5 redirects, with the 2xx body written to `bodyPath`.
    static func perform(url: String, headers: [String], options: HTTPFetchOptions, bodyPath: String) -> TransferResult {
        var result = emptyResult()
        guard globalInit == 0 else { return failure(&result, code: globalInit, "curl_global_init failed") }
        let fd = open(bodyPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            result.localError = "cannot create \(bodyPath): \(String(cString: strerror(errno)))"
            return result
        }
        defer { close(fd) }
        return run(url: url, headers: headers, options: options, postBody: nil, sink: ResponseSink(fd: fd, maxBytes: options.maxBytes))
    }

    /// POST `body` to `url` without following redirects (a 3xx comes back as the result). The response body, of any
    /// status, is drained and its first `responseLimit` bytes kept in `capturedBody`. `options.maxBytes` is ignored.
    static func post(url: String, headers: [String], body: [UInt8], options: HTTPFetchOptions, responseLimit: Int) -> TransferResult {
        var result = emptyResult()
        guard globalInit == 0 else { return failure(&result, code: globalInit, "curl_global_init failed") }
        return run(url: url, headers: headers, options: options, postBody: body, sink: ResponseSink(memoryLimit: responseLimit))
    }

    /// The shared transfer: a GET into the sink's file when `postBody` is nil, else a POST captured in memory.
    private static func run(
        url: String, headers: [String], options: HTTPFetchOptions, postBody: [UInt8]?, sink: ResponseSink
    ) -> TransferResult {
        var result = emptyResult()
        guard let handle = curl_easy_init() else { return failure(&result, code: -1, "curl_easy_init failed") }
        defer { curl_easy_cleanup(handle) }
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }

        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        var requestHeaders = headers
        if case .bearer(let token) = options.credentials { requestHeaders.append("Authorization: Bearer \(token)") }
        // libcurl would send `Expect: 100-continue` for a larger POST body and stall up to a second for the answer.
        if postBody != nil { requestHeaders.append("Expect:") }
        for header in requestHeaders { headerList = curl_slist_append(headerList, header) }

        var setupErrors: [String] = []
        func check(_ code: CURLcode, _ what: String) {
            if code != CURLE_OK { setupErrors.append("\(what): \(String(cString: curl_easy_strerror(code)))") }
        }
        check(lt_curl_setopt_str(handle, CURLOPT_URL, url), "URL")
        check(lt_curl_setopt_str(handle, CURLOPT_PROTOCOLS_STR, "http,https"), "protocols")
        if let postBody {
            check(lt_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0), "follow redirects")
            check(lt_curl_setopt_long(handle, CURLOPT_POST, 1), "POST")
            check(lt_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, postBody.count), "POST body size")
            // COPYPOSTFIELDS copies the bytes now (size set first), so no buffer has to outlive this call.
            var bytes = postBody.isEmpty ? [0] : postBody
            check(bytes.withUnsafeMutableBytes { lt_curl_setopt_ptr(handle, CURLOPT_COPYPOSTFIELDS, $0.baseAddress) }, "POST body")
        } else {
            check(lt_curl_setopt_str(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"), "redirect protocols")
            check(lt_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1), "follow redirects")
            check(lt_curl_setopt_long(handle, CURLOPT_MAXREDIRS, 5), "max redirects")
        }
        check(lt_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1), "no signals")
        check(lt_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(options.connectTimeout)), "connect timeout")
        check(lt_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, milliseconds(options.timeout)), "timeout")
        check(lt_curl_setopt_str(handle, CURLOPT_USERAGENT, options.userAgent), "user agent")
        check(lt_curl_setopt_str(handle, CURLOPT_ACCEPT_ENCODING, ""), "accept encoding")
        check(lt_curl_setopt_ptr(handle, CURLOPT_ERRORBUFFER, errorBuffer), "error buffer")
        check(lt_curl_setopt_writefn(handle, curlBodyCallback), "write function")
        check(lt_curl_setopt_ptr(handle, CURLOPT_WRITEDATA, context), "write data")
        check(lt_curl_setopt_headerfn(handle, curlHeaderCallback), "header function")
        check(lt_curl_setopt_ptr(handle, CURLOPT_HEADERDATA, context), "header data")
        if let headerList { check(lt_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList), "headers") }
        if case .basic(let user, let password) = options.credentials {
            check(lt_curl_setopt_str(handle, CURLOPT_USERNAME, user), "user name")
            check(lt_curl_setopt_str(handle, CURLOPT_PASSWORD, password), "password")
        }
        if let file = options.caCertificateFile { check(lt_curl_setopt_str(handle, CURLOPT_CAINFO, file), "CA certificates") }
        if let file = options.clientCertificateFile { check(lt_curl_setopt_str(handle, CURLOPT_SSLCERT, file), "client certificate") }
        if let file = options.clientKeyFile { check(lt_curl_setopt_str(handle, CURLOPT_SSLKEY, file), "client key") }
        if postBody == nil, let maxBytes = options.maxBytes {
            check(lt_curl_setopt_long(handle, CURLOPT_MAXFILESIZE_LARGE, Int(maxBytes)), "max size")
        }
        if !setupErrors.isEmpty { return failure(&result, code: -1, "libcurl rejected an option: " + setupErrors.joined(separator: "; ")) }

        let code = curl_easy_perform(handle)
        var status = 0
        _ = lt_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        result.status = status
        result.statusText = sink.statusText
        result.headers = sink.headers
        result.bodyBytes = sink.bodyBytes
        result.bodyTooLarge = sink.exceeded || code == CURLE_FILESIZE_EXCEEDED
        result.localError = sink.writeError
        result.errorBody = String(decoding: sink.errorBody, as: UTF8.self)
        result.capturedBody = sink.captured
        if code != CURLE_OK {
            let buffered = String(cString: errorBuffer)
            result.curlCode = Int(code.rawValue)
            result.curlMessage = buffered.isEmpty ? String(cString: curl_easy_strerror(code)) : buffered
        }
        return result
    }

    private static func emptyResult() -> TransferResult {
        TransferResult(
            curlCode: 0, curlMessage: "", status: 0, statusText: "", headers: [:], bodyBytes: 0, bodyTooLarge: false,
            localError: nil, errorBody: "")
    }

    private static func failure(_ result: inout TransferResult, code: Int, _ message: String) -> TransferResult {
        result.curlCode = code
        result.curlMessage = message
        return result
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return Int(min(seconds * 1000, Double(Int32.max)).rounded(.up))
    }
}

/// The callbacks' context: the body file and its size limit (or the in-memory capture and its limit), and the
/// headers of the latest response.
final class ResponseSink {
    let fd: Int32
    let maxBytes: Int64?
    /// When set, bodies of any status go to `captured` (this many bytes at most; the rest is drained) instead of `fd`.
    let memoryLimit: Int?
    var captured: [UInt8] = []
    var status = 0
    var statusText = ""
    var headers: [String: String] = [:]
    var bodyBytes: Int64 = 0
    var exceeded = false
    var writeError: String?
    var errorBody: [UInt8] = []
    static let errorBodyLimit = 300

    init(fd: Int32, maxBytes: Int64?) {
        self.fd = fd
        self.maxBytes = maxBytes
        self.memoryLimit = nil
    }

    init(memoryLimit: Int) {
        self.fd = -1
        self.maxBytes = nil
        self.memoryLimit = max(0, memoryLimit)
    }

    /// Body bytes: a 2xx body goes to the file, any other body keeps its first bytes for the error message.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if let memoryLimit {
            captured.append(contentsOf: bytes.prefix(max(0, memoryLimit - captured.count)))
            bodyBytes += Int64(bytes.count)
            return true
        }
        guard (200..<300).contains(status) else {
            errorBody.append(contentsOf: bytes.prefix(max(0, Self.errorBodyLimit - errorBody.count)))
            return true
        }
        if let maxBytes, bodyBytes + Int64(bytes.count) > maxBytes {
            exceeded = true
            return false
        }
        var offset = 0
        while offset < bytes.count {
            let written = write(fd, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                writeError = String(cString: strerror(errno))
                return false
            }
            offset += written
        }
        bodyBytes += Int64(bytes.count)
        return true
    }

    /// One header line. A status line starts a new response (redirects, `100 Continue`): headers reset.
    func receiveHeader(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("HTTP/") {
            let parts = trimmed.split(separator: " ", maxSplits: 2)
            status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            statusText = parts.count > 2 ? String(parts[2]) : ""
            headers = [:]
            errorBody = []
            captured = []
            return
        }
        guard let colon = trimmed.firstIndex(of: ":") else { return }
        let name = trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        if let existing = headers[name] {
            headers[name] = existing + ", " + value
        } else {
            headers[name] = value
        }
    }
}

private let curlBodyCallback: curl_write_callback = { pointer, size, count, context in
    guard let context else { return 0 }
    let total = size * count
    guard let pointer, total > 0 else { return total }
    let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
    return sink.receiveBody(UnsafeRawBufferPointer(start: pointer, count: total)) ? total : 0
}

private let curlHeaderCallback: curl_write_callback = { pointer, size, count, context in
    guard let context else { return 0 }
    let total = size * count
    guard let pointer, total > 0 else { return total }
    let bytes = UnsafeRawBufferPointer(start: pointer, count: total)
    Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue().receiveHeader(String(decoding: bytes, as: UTF8.self))
    return total
}
