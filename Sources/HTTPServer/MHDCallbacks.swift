import CMicroHTTPD

// The C callbacks registered with libmicrohttpd. Each one only unwraps pointers and delegates.
// `cls` is always the daemon's `ServerCore`, passed unretained: `HTTPServer` keeps it alive
// until `MHD_stop_daemon` has returned.

/// Called once per request with the raw request target, before MHD unescapes it. Its return value
/// becomes the request's `con_cls`, so every request gets a context, released in `requestCompleted`.
let uriLogCallback: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, OpaquePointer?)
    -> UnsafeMutableRawPointer? = { cls, uri, _ in
        guard let cls else { return nil }
        let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
        core.liveRequestContexts.add(1, ordering: .relaxed)
        let context = RequestContext(target: uri.map { String(cString: $0) } ?? "/")
        return Unmanaged.passRetained(context).toOpaque()
    }

let accessHandlerCallback: MHD_AccessHandlerCallback = {
    cls, connection, _, method, _, uploadData, uploadDataSize, contextSlot in
    guard let cls, let connection, let contextSlot, let contextPointer = contextSlot.pointee, let uploadDataSize
    else { return .NO }
    let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
    let context = Unmanaged<RequestContext>.fromOpaque(contextPointer).takeUnretainedValue()
    let upload = UnsafeRawBufferPointer(start: uploadData, count: uploadData == nil ? 0 : uploadDataSize.pointee)
    let consumed = core.advance(
        context, on: MHDConnection(pointer: connection), method: method.map { String(cString: $0) } ?? "GET",
        upload: upload)
    if consumed == nil { return .NO }
    uploadDataSize.pointee -= consumed ?? 0
    return .YES
}

/// Called when a request ends for any reason (answered, client gone, timeout, daemon stopping).
let requestCompletedCallback: MHD_RequestCompletedCallback = { cls, _, contextSlot, _ in
    guard let cls, let contextSlot, let contextPointer = contextSlot.pointee else { return }
    contextSlot.pointee = nil
    let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
    let context = Unmanaged<RequestContext>.fromOpaque(contextPointer).takeRetainedValue()
    core.finish(context)
    core.liveRequestContexts.subtract(1, ordering: .relaxed)
}

/// Content reader of streaming responses; `cls` is the `HTTPResponseStream`, retained by the response.
let streamReaderCallback: MHD_ContentReaderCallback = { cls, _, buffer, capacity in
    guard let cls, let buffer else { return -2 }
    let stream = Unmanaged<HTTPResponseStream>.fromOpaque(cls).takeUnretainedValue()
    return stream.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: capacity))
}

/// Called when MHD destroys a streaming response: the stream's connection is finished.
let streamFreeCallback: MHD_ContentReaderFreeCallback = { cls in
    guard let cls else { return }
    let stream = Unmanaged<HTTPResponseStream>.fromOpaque(cls).takeRetainedValue()
    stream.detach()
}
