import Domain
import Foundation
import Storage

/// JSON text for stored rows: sorted keys so equal values give equal text.
enum StoredJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        return try CanonicalJSON.string(value)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String, what: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptRow("\(what): \(error)")
        }
    }

    /// Through the value's hand-written reader (no `JSONDecoder`): the hot path of reading mentions back.
    static func read<T: CanonicalJSONReadable>(_ type: T.Type, _ text: String, what: String) throws -> T {
        do {
            return try CanonicalJSON.read(type, from: text)
        } catch {
            throw StoreError.corruptRow("\(what): \(error)")
        }
    }
}
