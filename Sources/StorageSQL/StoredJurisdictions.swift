import Storage
import Synchronization

/// Key jurisdictions decoded from their stored JSON text, remembered by that text. A key's row is read on every
/// API request and its jurisdiction is one of a handful of texts, so each text goes through `JSONDecoder` once per
/// process instead of once per request.
enum StoredJurisdictions {
    private static let decoded = Mutex<[String: Jurisdiction]>([:])
    /// Distinct texts kept at most (then forgotten all at once; one per key, in practice a few).
    private static let capacity = 4_096

    static func decode(_ text: String) throws -> Jurisdiction {
        if let known = decoded.withLock({ $0[text] }) { return known }
        let jurisdiction = try StoredJSON.decode(Jurisdiction.self, text, what: "api key jurisdiction")
        decoded.withLock { remembered in
            if remembered.count >= capacity { remembered.removeAll() }
            remembered[text] = jurisdiction
        }
        return jurisdiction
    }
}
