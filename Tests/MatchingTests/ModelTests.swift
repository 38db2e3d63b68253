import Domain
import Foundation
import Matching
import Testing

@Suite struct ModelTests {
    typealias P = PersonFixture

    private let an = P.features(
        born: P.date(1987, 3, 9), sex: .male, personalNumber: P.personalNumber(sex: .male, year: 1987),
        communes: ["27952"], province: "80")

    @Test func weightsSumToTotal() {
        let other = P.features(family: "Nguyen", middle: "Van", given: "An", born: P.date(1987), sex: .male, province: "80")
        for pair in [(an, an), (an, other), (an, P.features(noName: true))] {
            let score = FellegiSunterModel.defaults.score(pair.0, pair.1)
            let sum = score.priorWeight + score.contributions.map(\.weight).reduce(0, +)
            #expect(abs(sum - score.total) < 1e-9)
            #expect(abs(score.matchProbability - exp2(score.total) / (1 + exp2(score.total))) < 1e-12)
            for contribution in score.contributions where contribution.level > 0 {
                #expect(abs(contribution.weight - log2(contribution.m / contribution.u)) < 1e-9)
            }
        }
    }

    @Test func explanationNamesEveryComparison() {
        let score = FellegiSunterModel.defaults.score(an, P.features(noName: true))
        #expect(
            score.contributions.map(\.comparison) == [
                "name", "birth_date", "identifiers", "sex", "address", "document_numbers", "street", "postal_code",
            ])
        #expect(score.contributions[0].label == "name missing")
        #expect(score.contributions[0].weight == 0)
        #expect(score.contributions[2].label.hasPrefix("12-digit number on one side"))
    }

    @Test func identicalRecordsScoreHighAndStrangersLow() {
        let model = FellegiSunterModel.defaults
        let stranger = P.features(
            family: "Trần", middle: "Thị", given: "Bích", born: P.date(1990, 5, 1), sex: .female,
            personalNumber: P.personalNumber(sex: .female, year: 1990), communes: ["00004"], province: "01")
        #expect(model.score(an, an).matchProbability > 0.999)
        #expect(model.score(an, stranger).matchProbability < 0.001)
    }

    @Test func bayesFactorsStayFinite() {
        var model = FellegiSunterModel.defaults
        model.prior = 0
        model.parameters[0].m = [0, 1, 0, 0, 0, 0, 0]
        model.parameters[0].u = [0, 0, 0, 0, 0, 0, 1]
        let exact = model.score(an, an)
        let differ = model.score(an, P.features(family: "Trần", middle: "Thị", given: "Bích"))
        #expect(exact.total.isFinite && differ.total.isFinite)
        #expect(abs(exact.contributions[0].weight - log2((1 - 1e-6) / 1e-6)) < 1e-9)
        #expect(abs(exact.priorWeight - log2(1e-6 / (1 - 1e-6))) < 1e-9)
    }

    @Test func termFrequencyAdjustmentIsItsOwnLineItem() {
        var model = FellegiSunterModel.defaults
        model.termFrequencies = TermFrequencies(given: ["an": 0.05, "lan": 0.001], family: ["nguyen": 0.4, "hoang": 0.05])
        let common = model.score(an, an)
        let adjustment = common.contributions.first { $0.comparison == "name (term frequency)" }
        let u = model.parameters[0].u[NameLevel.exact.rawValue]
        #expect(adjustment.map { abs($0.weight - log2(u / (0.05 * 0.4))) < 1e-9 } == true)
        #expect(common.contributions.count == 9)  // eight comparisons and the adjustment
        let sum = common.priorWeight + common.contributions.map(\.weight).reduce(0, +)
        #expect(abs(sum - common.total) < 1e-9)

        let lan = P.features(family: "Hoàng", middle: "Thị", given: "Lan")
        let rare = model.score(lan, lan)
        let rareName = rare.contributions.filter { $0.comparison.hasPrefix("name") }.map(\.weight).reduce(0, +)
        let commonName = common.contributions.filter { $0.comparison.hasPrefix("name") }.map(\.weight).reduce(0, +)
        #expect(rareName > commonName)

        // Unknown names and inexact levels are not adjusted.
        let unknown = P.features(family: "Lê", middle: "Văn", given: "Tám")
        #expect(model.score(unknown, unknown).contributions.count == 8)
        #expect(model.score(an, P.features(middle: nil)).contributions.count == 8)
    }

    @Test func termFrequenciesAreCounted() {
        let table = TermFrequencies(counting: [P.features(), P.features(given: "Lan"), P.features(family: "Lê", given: "Lan"), P.features(noName: true)])
        #expect(table.given["lan"] == 2.0 / 3)
        #expect(table.family["nguyen"] == 2.0 / 3)
        #expect(table.frequency(given: "an", family: "le") == 1.0 / 9)
        #expect(table.frequency(given: "tam", family: "le") == nil)
        #expect(TermFrequencies(given: ["x": 1e-9], family: ["y": 1e-9]).frequency(given: "x", family: "y") == 1e-6)
    }

    @Test func modelRoundTripsThroughJSON() throws {
        var model = FellegiSunterModel.defaults
        model.trainedAt = "2026-11-23T10:00:00Z"
        model.termFrequencies = TermFrequencies(given: ["an": 0.05], family: ["nguyen": 0.4])
        let data = try JSONEncoder().encode(model)
        #expect(try JSONDecoder().decode(FellegiSunterModel.self, from: data) == model)
    }

    @Test func defaultsAreProbabilityDistributions() {
        for parameter in FellegiSunterModel.defaults.parameters {
            #expect(parameter.m.count == parameter.comparison.levelCount)
            #expect(parameter.u.count == parameter.comparison.levelCount)
            #expect(abs(parameter.m.dropFirst().reduce(0, +) - 1) < 1e-6)
            #expect(abs(parameter.u.dropFirst().reduce(0, +) - 1) < 1e-3)
        }
    }

    /// A model stored before levels were added has no m and u for them: those pairs score at the level they fell into
    /// before, as the model did when it was stored, in explanations and in the compiled scorer alike.
    @Test func aModelWithoutTheLaterLevelsScoresThePairsAsBefore() {
        var old = FellegiSunterModel.defaults
        for index in old.parameters.indices where [.name, .birthDate].contains(old.parameters[index].comparison) {
            old.parameters[index].m = Array(old.parameters[index].m.prefix(7))
            old.parameters[index].u = Array(old.parameters[index].u.prefix(7))
        }
        let a = P.features(born: P.date(1987, 3, 9))
        // Another surname (name level 8 now): full names similar, so full similar before.
        let otherSurname = P.features(family: "Nguyệt", middle: "Văn", given: "An", born: P.date(1997, 3, 9))
        #expect(Comparison.name.level(a, otherSurname) == NameLevel.middleGivenSimilarOtherSurname.rawValue)
        #expect(Comparison.birthDate.level(a, otherSurname) == BirthDateLevel.oneDigitApart.rawValue)
        let score = old.score(a, otherSurname)
        let name = score.contributions.first { $0.comparison == "name" }
        let date = score.contributions.first { $0.comparison == "birth_date" }
        #expect(name?.level == NameLevel.fullSimilar.rawValue && name?.weight == FellegiSunterModel.weight(m: 0.04, u: 0.01))
        #expect(date?.level == BirthDateLevel.disagree.rawValue && date?.weight == FellegiSunterModel.weight(m: 0.01, u: 0.9498))
        #expect(abs(CompiledModel(old).weight(a, otherSurname) - score.total) < 1e-9)
        // Reordered (level 7) was "names differ" before.
        let reordered = P.features(family: "Văn", middle: "An", given: "Nguyễn")
        #expect(old.score(a, reordered).contributions.first?.level == NameLevel.disagree.rawValue)
        // The current defaults know every level.
        #expect(FellegiSunterModel.defaults.score(a, otherSurname).contributions.first?.level == NameLevel.middleGivenSimilarOtherSurname.rawValue)
    }

    /// A model as an earlier version stored it (five comparisons, seven name and birth-date levels, no blocking
    /// rules) decodes, follows the default rules, and scores the same through `score` and the compiled scorer.
    @Test func aModelStoredByAnEarlierVersionDecodesAndScores() throws {
        var old = FellegiSunterModel.defaults
        old.version = "em-1-2026-11-23"
        old.parameters = old.parameters.filter { [.name, .birthDate, .identifiers, .sex, .address].contains($0.comparison) }
        for index in old.parameters.indices where [.name, .birthDate].contains(old.parameters[index].comparison) {
            old.parameters[index].m = Array(old.parameters[index].m.prefix(7))
            old.parameters[index].u = Array(old.parameters[index].u.prefix(7))
        }
        let json = String(decoding: try JSONEncoder().encode(old), as: UTF8.self)
        #expect(!json.contains("blockingRules"))
        let decoded = try JSONDecoder().decode(FellegiSunterModel.self, from: Data(json.utf8))
        #expect(decoded.blockingRules == nil && decoded.parameters.count == 5)
        let pairs = [
            (an, P.features(family: "Văn", middle: "An", given: "Nguyễn", born: P.date(1987, 3, 9))),
            (an, P.features(family: "Nguyệt", middle: "Văn", given: "An", born: P.date(1997, 3, 9))),
            (an, an),
        ]
        for (a, b) in pairs {
            let score = decoded.score(a, b)
            #expect(score.contributions.count == 5)
            #expect(abs(CompiledModel(decoded).weight(a, b) - score.total) < 1e-9)
        }
    }
}
