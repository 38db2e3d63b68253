import Domain
import Foundation
import Matching
import Storage

/// Match models as the store keeps them: versioned JSON, one active.
public enum MatchModels {
    /// The active model, or the hand-set defaults when none was stored.
    public static func active(in reader: any StoreReader) throws -> FellegiSunterModel {
        guard let stored = try reader.activeModel() else { return .defaults }
        return try decode(stored)
    }

    public static func decode(_ stored: StoredModel) throws -> FellegiSunterModel {
        do {
            return try JSONDecoder().decode(FellegiSunterModel.self, from: Data(stored.json.utf8))
        } catch {
            throw StoreError.corruptRow("match model \(stored.version): \(error)")
        }
    }

    /// Stores `model` under its version and makes it the active one.
    public static func activate(_ model: FellegiSunterModel, in transaction: any StoreTransaction, at time: String) throws {
        let json = try CanonicalJSON.string(model)
        try transaction.saveModel(version: model.version, json: json, activate: true, at: time)
    }
}
