/// Regional spellings of the same family name, for comparing family names across registries:
/// Huỳnh (south) ≡ Hoàng (north), Võ (south) ≡ Vũ (north). Matching gives such pairs partial weight.
public enum SurnameClass {
    /// Equivalence key of a folded family name (`TextFolding.fold` output): huynh≡hoang, vo≡vu; others map
    /// to themselves. "huynh" → "hoang", "vo" → "vu", "nguyen" → "nguyen".
    public static func key(_ foldedFamily: String) -> String {
        switch foldedFamily {
        case "huynh": return "hoang"
        case "vo": return "vu"
        default: return foldedFamily
        }
    }
}
