import CMicroHTTPD

/// The access-handler state machine: one step per libmicrohttpd callback for a request.
extension ServerCore {
    /// Advances `context` by one access-handler call. Returns the number of upload bytes consumed,
    /// or nil to make MHD close the connection.
    func advance(
        _ context: RequestContext, on connection: MHDConnection, method: String, upload: UnsafeRawBufferPointer
    ) -> Int? {
        switch context.phase {
        case .awaitingFirstCall:
            // Answering here would cost keep-alive, so only refuse bodies declared too large.
            if let declared = ConnectionValues.header("Content-Length", of: connection), let length = Int(declared),
                length > maxRequestBodyBytes
            {
                context.phase = .answered
                return queued(bodyTooLarge(), on: connection) ? 0 : nil
            }
            context.phase = .receivingBody
            return 0
        case .receivingBody:
            if !upload.isEmpty {
                guard context.body.count + upload.count <= maxRequestBodyBytes else {
                    // MHD 0.9.75 cannot queue a response mid-body; closing the connection is the only prompt answer.
                    context.body = []
                    context.phase = .answered
                    return queued(bodyTooLarge(), on: connection) ? upload.count : nil
                }
                context.body.append(contentsOf: upload)
                return upload.count
            }
            return dispatch(context, on: connection, method: method) ? 0 : nil
        case .waiting(let pending):
            return servePending(pending, context, on: connection) ? 0 : nil
        case .streaming, .answered:
            return 0
        }
    }

    /// The request-completed step: detach replies from the dying connection.
    func finish(_ context: RequestContext) {
        switch context.phase {
        case .waiting(let pending):
            pending.detach()
            unregister(pending)
        case .streaming(let stream):
            stream.detach()
            unregister(stream)
        case .awaitingFirstCall, .receivingBody, .answered:
            break
        }
        context.phase = .answered
    }

    private func dispatch(_ context: RequestContext, on connection: MHDConnection, method: String) -> Bool {
        let request = HTTPRequest(
            method: method, target: context.target, headers: ConnectionValues.headers(of: connection),
            body: context.body, clientAddress: ConnectionValues.clientAddress(of: connection))
        context.body = []
        switch handler(request) {
        case .respond(let response):
            context.phase = .answered
            return queued(response, on: connection)
        case .later(let pending):
            context.phase = .waiting(pending)
            return servePending(pending, context, on: connection)
        case .stream(let status, let headers, let stream):
            context.phase = .streaming(stream)
            if !register(stream) { stream.shutDown() }
            stream.attach(connection)
            return queuedStream(status: status, headers: headers, stream: stream, on: connection)
        }
    }

    private func servePending(_ pending: HTTPPendingResponse, _ context: RequestContext, on connection: MHDConnection)
        -> Bool
    {
        if !register(pending) { pending.shutDown() }
        guard let response = pending.responseOrSuspend(connection) else { return true }
        unregister(pending)
        context.phase = .answered
        return queued(response, on: connection)
    }

    private func bodyTooLarge() -> HTTPResponse {
        .problem(
            status: 413, title: "Content Too Large",
            detail: "The request body exceeds the limit of \(maxRequestBodyBytes) bytes.")
    }
}
