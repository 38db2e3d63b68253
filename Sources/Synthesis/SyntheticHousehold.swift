import Domain

/// One synthetic resident: the ground truth every registry record about them is derived from.
struct SyntheticPerson: Sendable {
    /// 1-based position in the population; `uid` and the population record key derive from it.
    let index: Int
    let family: String
    let middle: String
    let given: String
    let sex: Sex
    let year: Int
    let month: Int
    let day: Int
    /// The population register knows only the birth year.
    let yearOnly: Bool
    let personalNumber: String
    /// Old 9-digit identity card number, for some people born before 1990.
    let cmnd: String?
    let relation: String
    let phone: String?

    var fullName: String { family + " " + middle + " " + given }
    /// Age reached in the export year (2026).
    var age: Int { RegistryGenerator.exportYear - year }
}

/// People sharing a household book and a residence.
struct SyntheticHousehold: Sendable {
    /// Household book number, `HK00000123`.
    let book: String
    /// Position of the 2025 residence commune in `PlaceTables.communes`.
    let communeIndex: Int
    /// A pre-2025 commune the residence lies in (nil for the few new communes without a predecessor).
    let oldPlace: OldPlace?
    /// House number and street, or hamlet: "Số 12 Đường Lê Lợi", "Thôn 3".
    let detail: String
    /// Head first.
    let members: [SyntheticPerson]
}
