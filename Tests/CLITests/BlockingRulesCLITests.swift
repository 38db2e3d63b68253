import Foundation
import Testing

/// `resolve --train --blocking FILE`: the rules are checked like a configuration file, trained with, kept by the
/// model, and used by every later resolution while that model is active.
@Suite struct BlockingRulesCLITests {
    func json(_ result: CLIRunner.Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    /// Generates `persons` and ingests their population register into the runner's store; returns the data directory.
    @discardableResult
    func ingestPopulation(persons: Int, seed: Int, in runner: CLIRunner) throws -> String {
        let data = try runner.generate(persons: persons, seed: seed)
        let population = try runner.run(["ingest", "--mapping", "Mappings/population.yaml", "\(data)/population.xml", "--store", runner.store])
        #expect(population.status == 0, "\(population.stderr)")
        return data
    }

    func write(_ text: String, in runner: CLIRunner) throws -> String {
        let path = "\(runner.directory)/blocking.yaml"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func everyErrorOfTheFileIsReportedWithItsPlace() throws {
        let runner = try CLIRunner()
        try ingestPopulation(persons: 100, seed: 3, in: runner)  // persons to train on: only the file can fail the run
        let path = try write(
            """
            rules:
              - name: by_date
                parts: [birth_date]
              - name: by_date
                parts: [birth_year]
              - name: twice
                parts: [birth_dat, birth_year, birth_year]
              - name: Bad-Name
                parts: []
                extra: 1
            """, in: runner)
        let result = try runner.run(["resolve", "--train", "--blocking", path, "--store", runner.store])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(path):7:13: error: unknown part 'birth_dat'"), "\(result.stderr)")
        #expect(result.stderr.contains("birth_date"))  // the suggestion
        #expect(result.stderr.contains("\(path):4:5: error: a second rule named 'by_date'"), "\(result.stderr)")
        #expect(result.stderr.contains("\(path):7:36: error: part 'birth_year' appears twice"), "\(result.stderr)")
        #expect(result.stderr.contains("a rule name is lower-case letters"))
        #expect(result.stderr.contains("a rule needs at least one part"))
        #expect(result.stderr.contains("unknown key 'extra'"))
        #expect(!result.stderr.contains("training needs"))
        // Nothing was trained.
        #expect(try runner.run(["model", "list", "--store", runner.store]).stdout.contains("* defaults-2"))
    }

    @Test func blockingNeedsTrain() throws {
        let runner = try CLIRunner()
        let result = try runner.run(["resolve", "--blocking", "x.yaml", "--store", runner.store])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("--blocking is given with --train"))
    }

    @Test func theModelKeepsItsRulesAndLaterIngestsUseThem() throws {
        let runner = try CLIRunner()
        let data = try ingestPopulation(persons: 300, seed: 5, in: runner)
        let path = try write(
            """
            # Persons by the 12-digit number, or by full birth date and surname.
            rules:
              - name: number
                parts: [personal_number]
              - name: date_surname
                parts: [birth_date, surname_class]
            """, in: runner)
        let trained = try runner.run(["resolve", "--train", "--blocking", path, "--random-pairs", "20000", "--json", "--store", runner.store])
        #expect(trained.status == 0, "\(trained.stderr)")
        #expect((try json(trained)["blocking"] as? [[String: Any]] ?? []).map { $0["rule"] as? String ?? "" } == ["number", "date_surname"])

        let shown = try json(try runner.run(["model", "show", "--json", "--store", runner.store]))
        let rules = shown["blockingRules"] as? [[String: Any]] ?? []
        #expect(rules.map { $0["name"] as? String ?? "" } == ["number", "date_surname"])
        #expect(rules.last?["parts"] as? [String] == ["birth_date", "surname_class"])
        #expect(shown["defaultBlockingRules"] as? Bool == false)
        #expect(try runner.run(["model", "show", "--store", runner.store]).stdout.contains("date_surname: birth_date + surname_class"))

        let land = try runner.run(["ingest", "--no-resolve", "--mapping", "Mappings/land.yaml", "\(data)/land.csv", "--store", runner.store])
        #expect(land.status == 0, "\(land.stderr)")
        let resolved = try runner.run(["resolve", "--json", "--store", runner.store])
        #expect(resolved.status == 0, "\(resolved.stderr)")
        #expect((try json(resolved)["blocking"] as? [[String: Any]] ?? []).map { $0["rule"] as? String ?? "" } == ["number", "date_surname"])
    }
}
