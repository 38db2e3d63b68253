import Domain
import Storage

/// Mints the ids of many new entities (`EntityIDMinter`), with whether each founder's first candidate is taken
/// looked up in one batch. A candidate taken, or minted by this batch, is asked of the store again: its next
/// candidates were not looked up.
struct MintingBatch {
    private let free: Set<String>
    private var minted: Set<String> = []

    /// Ready to mint for the mentions with these keys.
    init(founders keys: [MentionKey], in transaction: any StoreTransaction) throws {
        let candidates = keys.map(EntityIDMinter.firstCandidate(for:))
        free = Set(candidates).subtracting(try transaction.entities(ids: candidates).keys)
    }

    /// A new entity id for the mention with `key`.
    mutating func mint(for key: MentionKey, in transaction: any StoreTransaction) throws -> String {
        let id = try EntityIDMinter.mint(for: key) { [minted, free] candidate in
            !minted.contains(candidate) && free.contains(candidate) ? false : try transaction.entity(id: candidate) != nil
        }
        minted.insert(id)
        return id
    }
}
