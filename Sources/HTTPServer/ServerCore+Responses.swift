import CMicroHTTPD

/// Turning `HTTPResponse` values into queued libmicrohttpd responses.
extension ServerCore {
    /// Queues a complete response. Returns false if MHD refused it (the connection is then closed).
    func queued(_ response: HTTPResponse, on connection: MHDConnection) -> Bool {
        guard let status = Self.sendableStatus(response.status) else {
            return queued(Self.invalidStatusProblem(response.status), on: connection)
        }
        // 204 and 304 responses never carry a body.
        var body = status == 204 || status == 304 ? [] : response.body
        let mhdResponse = body.withUnsafeMutableBytes { bytes in
            MHD_create_response_from_buffer(bytes.count, bytes.baseAddress, .RESPMEM_MUST_COPY)
        }
        guard let mhdResponse else { return false }
        defer { MHD_destroy_response(mhdResponse) }
        Self.add(response.headers, to: mhdResponse)
        return MHD_queue_response(connection.pointer, status, mhdResponse) == .YES
    }

    /// Queues a chunked response whose body `stream` produces. The response retains the stream
    /// until MHD frees it (`streamFreeCallback`).
    func queuedStream(status: Int, headers: [HTTPHeader], stream: HTTPResponseStream, on connection: MHDConnection)
        -> Bool
    {
        guard let sendable = Self.sendableStatus(status) else {
            stream.detach()
            return queued(Self.invalidStatusProblem(status), on: connection)
        }
        let retained = Unmanaged.passRetained(stream)
        guard
            let mhdResponse = MHD_create_response_from_callback(
                UInt64.max /* MHD_SIZE_UNKNOWN */, 16 * 1024, streamReaderCallback, retained.toOpaque(),
                streamFreeCallback)
        else {
            retained.release()
            return false
        }
        defer { MHD_destroy_response(mhdResponse) }
        Self.add(headers, to: mhdResponse)
        return MHD_queue_response(connection.pointer, sendable, mhdResponse) == .YES
    }

    /// Final-response statuses MHD can send; anything else becomes a 500 problem.
    private static func sendableStatus(_ status: Int) -> UInt32? {
        (200...599).contains(status) ? UInt32(status) : nil
    }

    private static func invalidStatusProblem(_ status: Int) -> HTTPResponse {
        .problem(status: 500, title: "Internal Server Error", detail: "The handler produced an invalid status \(status).")
    }

    /// Adds headers; framing headers are MHD's business and are skipped.
    private static func add(_ headers: [HTTPHeader], to response: OpaquePointer) {
        for header in headers {
            if HTTPHeader.namesMatch(header.name, "Content-Length") || HTTPHeader.namesMatch(header.name, "Transfer-Encoding") { continue }
            _ = MHD_add_response_header(response, header.name, header.value)
        }
    }
}
