import Domain
import Foundation
import Reference

/// Writes deterministic, realistic synthetic registries — `population.xml`, `land.csv`, `enterprise.json`,
/// `commune_legacy.csv` (TCVN3) — and `truth.csv`, which names the person behind every person mention.
/// Same `persons` and `seed` ⇒ byte-identical files. Layouts: docs/sample-registries.md.
public struct RegistryGenerator: Sendable {
    /// The fixed export date written as `ngay_xuat` (never the clock).
    public static let exportDate = "2026-11-01"
    static let exportYear = 2026
    /// Share of people whose households also appear in the legacy commune file.
    static let legacyShare = 0.02

    public let persons: Int
    public let seed: UInt64
    public let reference: ReferenceData

    public init(persons: Int, seed: UInt64, reference: ReferenceData) {
        self.persons = max(0, persons)
        self.seed = seed
        self.reference = reference
    }

    /// Streams the registries into `directory` (created if needed; existing files of the same names are replaced).
    public func write(to directory: String) throws -> GenerationSummary {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let places = PlaceTables(reference: reference)
        var random = SplitMix64(seed: seed)
        let legacyCommunes = chooseLegacyCommunes(places: places, &random)
        var factory = HouseholdFactory(
            places: places, names: NamePools(),
            issuer: IdentityNumberIssuer(oldProvinceCodes: reference.provincesPre2025.map(\.code)))

        var population = try PopulationRegistry(directory: directory)
        var land = try LandRegistry(directory: directory)
        var enterprise = try EnterpriseRegistry(directory: directory, provinceCodes: reference.provinces2025.map(\.code))
        var legacy = try CommuneLegacyRegistry(directory: directory)
        var truth = try TruthTable(directory: directory)

        var nextIndex = 1
        while nextIndex <= persons {
            let household = factory.make(firstIndex: nextIndex, limit: persons - nextIndex + 1, &random)
            nextIndex += household.members.count
            for person in household.members {
                let key = try population.write(person, household: household, places: places, &random)
                try truth.add(.population, source: PopulationRegistry.source, key: key, person: person)
                for key in try land.write(person, household: household, places: places, &random) {
                    try truth.add(.land, source: LandRegistry.source, key: key, person: person)
                }
                for key in try enterprise.write(person, household: household, places: places, &random) {
                    try truth.add(.enterprise, source: EnterpriseRegistry.source, key: key, person: person)
                }
            }
            if legacyCommunes[household.communeIndex] {
                let keys = try legacy.write(household, places: places, &random)
                for (key, person) in zip(keys, household.members) {
                    try truth.add(.communeLegacy, source: CommuneLegacyRegistry.source, key: key, person: person)
                }
            }
        }
        try population.close()
        try land.close()
        try enterprise.close()
        try legacy.close()
        try truth.finish()
        return GenerationSummary(
            persons: population.count, population: population.count, land: land.count, enterprises: enterprise.count,
            communeLegacy: legacy.count, truthRows: truth.count,
            files: [
                PopulationRegistry.fileName, LandRegistry.fileName, EnterpriseRegistry.fileName, CommuneLegacyRegistry.fileName,
                TruthTable.fileName,
            ],
            legacyUnencodableCharacters: legacy.unencodableCharacters,
            badRecords: population.badRecords + land.badRecords)
    }

    /// 2025 communes whose households the legacy file holds: drawn by residence weight until they hold about
    /// `legacyShare` of the population.
    private func chooseLegacyCommunes(places: PlaceTables, _ random: inout SplitMix64) -> [Bool] {
        var chosen = [Bool](repeating: false, count: places.communes.count)
        let total = places.residenceWeights.reduce(0, +)
        guard total > 0 else { return chosen }
        var share = 0.0
        var attempts = 0
        while share < Self.legacyShare, attempts < 10_000 {
            attempts += 1
            let index = places.residence.draw(&random)
            guard !chosen[index] else { continue }
            chosen[index] = true
            share += places.residenceWeights[index] / total
        }
        return chosen
    }
}
