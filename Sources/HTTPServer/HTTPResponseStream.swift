import CMicroHTTPD
import Synchronization

/// The producer side of a chunked streaming response (e.g. `text/event-stream`).
///
/// The handler creates one, registers it with a producer and returns `.stream(status:headers:stream:)`.
/// `send` may be called from any thread, before or after the server has started sending.
/// When no data is buffered the connection is suspended; `send` and `finish` resume it.
/// Buffered data is not bounded here: producers for slow clients should check `bufferedByteCount`.
public final class HTTPResponseStream: SuspendableReply {
    private struct State {
        var buffer: [UInt8] = []
        var readOffset = 0
        var isFinished = false
        var isClosed = false
        var connection: MHDConnection?
        var isSuspended = false

        mutating func resumeIfSuspended() {
            if isSuspended, let connection {
                isSuspended = false
                MHD_resume_connection(connection.pointer)
            }
        }
    }

    private let state = Mutex(State())

    public init() {}

    /// Queues bytes for the client. Returns false if the stream is finished or the client is gone.
    @discardableResult
    public func send(_ bytes: [UInt8]) -> Bool {
        state.withLock { state in
            guard !state.isFinished, !state.isClosed else { return false }
            state.buffer.append(contentsOf: bytes)
            state.resumeIfSuspended()
            return true
        }
    }

    /// Queues UTF-8 text for the client. Returns false if the stream is finished or the client is gone.
    @discardableResult
    public func send(_ text: String) -> Bool {
        send(Array(text.utf8))
    }

    /// Ends the response once the buffered bytes are sent.
    public func finish() {
        state.withLock { state in
            state.isFinished = true
            state.resumeIfSuspended()
        }
    }

    /// True once the response is over: finished and sent, the client disconnected, or the server stopped.
    /// A disconnect is noticed only when the server next tries to write.
    public var isClosed: Bool {
        state.withLock { $0.isClosed }
    }

    /// Bytes queued but not yet handed to the server.
    public var bufferedByteCount: Int {
        state.withLock { $0.buffer.count - $0.readOffset }
    }

    func attach(_ connection: MHDConnection) {
        state.withLock { $0.connection = connection }
    }

    /// MHD content-reader contract: bytes copied, or 0 after suspending the connection,
    /// or -1 (end of stream) / -2 (error) when done.
    func read(into destination: UnsafeMutableRawBufferPointer) -> Int {
        state.withLock { state in
            let available = state.buffer.count - state.readOffset
            if available > 0 {
                let count = min(available, destination.count)
                state.buffer.withUnsafeBytes { source in
                    let start = source.baseAddress! + state.readOffset
                    destination.baseAddress!.copyMemory(from: start, byteCount: count)
                }
                state.readOffset += count
                if state.readOffset == state.buffer.count {
                    state.buffer.removeAll(keepingCapacity: true)
                    state.readOffset = 0
                } else if state.readOffset > 64 * 1024 {
                    state.buffer.removeFirst(state.readOffset)
                    state.readOffset = 0
                }
                return count
            }
            if state.isFinished { return -1 }
            guard !state.isClosed, let connection = state.connection else { return -2 }
            state.isSuspended = true
            MHD_suspend_connection(connection.pointer)
            return 0
        }
    }

    /// The request is over (the connection pointer is about to become invalid).
    func detach() {
        state.withLock { state in
            state.isClosed = true
            state.isSuspended = false
            state.connection = nil
            state.buffer = []
            state.readOffset = 0
        }
    }

    func shutDown() {
        finish()
    }
}
