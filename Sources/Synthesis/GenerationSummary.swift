/// What `RegistryGenerator.write(to:)` produced.
public struct GenerationSummary: Sendable, Codable, Equatable {
    /// Distinct synthetic people (= population records).
    public var persons: Int
    /// Records in `population.xml`.
    public var population: Int
    /// Ownership rows in `land.csv`.
    public var land: Int
    /// Enterprises in `enterprise.json`.
    public var enterprises: Int
    /// Household-book rows in `commune_legacy.csv`.
    public var communeLegacy: Int
    /// Data rows in `truth.csv` (one per person mention, all four sources).
    public var truthRows: Int
    /// Files written, relative to the output directory.
    public var files: [String]
    /// Characters of the legacy file that TCVN3 cannot hold and were written without their marks.
    public var legacyUnencodableCharacters: Int
    /// Deliberately broken records (impossible date, empty name) planted for quarantine.
    public var badRecords: Int

    public init(
        persons: Int, population: Int, land: Int, enterprises: Int, communeLegacy: Int, truthRows: Int, files: [String],
        legacyUnencodableCharacters: Int = 0, badRecords: Int = 0
    ) {
        self.persons = persons
        self.population = population
        self.land = land
        self.enterprises = enterprises
        self.communeLegacy = communeLegacy
        self.truthRows = truthRows
        self.files = files
        self.legacyUnencodableCharacters = legacyUnencodableCharacters
        self.badRecords = badRecords
    }
}
