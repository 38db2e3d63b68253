import Synchronization

/// The handler signature: called on libmicrohttpd's worker threads; must not block.
public typealias HTTPHandler = @Sendable (HTTPRequest) -> HTTPReply

/// State shared by all worker threads of one daemon (passed as the callbacks' `cls`).
final class ServerCore: Sendable {
    let handler: HTTPHandler
    let maxRequestBodyBytes: Int
    /// Request contexts alive right now (created, not yet completed). Zero when idle; used to check for leaks.
    let liveRequestContexts = Atomic<Int>(0)

    private struct Suspensions {
        var isStopping = false
        var members: [ObjectIdentifier: any SuspendableReply] = [:]
    }

    private let suspensions = Mutex(Suspensions())

    init(handler: @escaping HTTPHandler, maxRequestBodyBytes: Int) {
        self.handler = handler
        self.maxRequestBodyBytes = maxRequestBodyBytes
    }

    /// Records a reply that may suspend its connection. Returns false once the server is stopping;
    /// the caller must then not suspend.
    func register(_ reply: any SuspendableReply) -> Bool {
        suspensions.withLock { state in
            guard !state.isStopping else { return false }
            state.members[ObjectIdentifier(reply)] = reply
            return true
        }
    }

    func unregister(_ reply: any SuspendableReply) {
        _ = suspensions.withLock { $0.members.removeValue(forKey: ObjectIdentifier(reply)) }
    }

    /// Refuses further suspensions and wakes every reply that may hold a suspended connection.
    func shutDownSuspensions() {
        let members = suspensions.withLock { state in
            state.isStopping = true
            let members = Array(state.members.values)
            state.members = [:]
            return members
        }
        for member in members { member.shutDown() }
    }
}
