import Foundation
import Testing

@Suite struct CLIConventionsTests {
    static let verbs = [
        "demo", "generate", "ingest", "resolve", "feed", "export", "decode", "normalize", "mapping", "quarantine", "status", "bench",
    ]

    @Test(arguments: verbs) func everyVerbHasHelpWithAnExample(verb: String) throws {
        let result = try CLIRunner().run([verb, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Usage: lienthong \(verb)"))
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.contains("--store URL"))
    }

    @Test func noVerbIsAUsageError() throws {
        let result = try CLIRunner().run([])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Verbs:"))
    }

    @Test func unknownVerbNamesItAndSuggests() throws {
        let result = try CLIRunner().run(["ingset"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown verb 'ingset'"))
        #expect(result.stderr.contains("did you mean 'ingest'"))
        #expect(result.stdout.isEmpty)
    }

    @Test func unknownFlagNamesIt() throws {
        let result = try CLIRunner().run(["feed", "--aftr", "3"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown option --aftr"))
        #expect(result.stderr.contains("did you mean --after"))
    }

    @Test func badValuesAreUsageErrors() throws {
        let runner = try CLIRunner()
        #expect(try runner.run(["feed", "--limit", "-4", "--store", runner.store]).status == 2)
        #expect(try runner.run(["generate", "--persons", "ten", "--seed", "1", "--out", runner.directory]).status == 2)
        #expect(try runner.run(["export", "clusters", "--format", "xlsx", "--store", runner.store]).status == 2)
    }

    @Test func storeConnectionsComeFromTheFlagOrTheEnvironmentWithinBounds() throws {
        let runner = try CLIRunner()
        let tooFew = try runner.run(["status", "--store", runner.store, "--store-connections", "1"])
        #expect(tooFew.status == 2 && tooFew.stderr.contains("--store-connections expects a whole number in 3...512, got '1'"), "\(tooFew.stderr)")
        let badEnvironment = try runner.run(["status", "--store", runner.store], environment: ["LIENTHONG_STORE_CONNECTIONS": "many"])
        #expect(badEnvironment.status == 2 && badEnvironment.stderr.contains("LIENTHONG_STORE_CONNECTIONS expects a whole number"), "\(badEnvironment.stderr)")
        let flagWins = try runner.run(["status", "--store", runner.store, "--store-connections", "3"], environment: ["LIENTHONG_STORE_CONNECTIONS": "many"])
        #expect(flagWins.status == 0, "\(flagWins.stderr)")
    }

    @Test func storeFromTheEnvironment() throws {
        let runner = try CLIRunner()
        let path = "\(runner.directory)/from-env.db"
        let result = try runner.run(["status", "--json"], environment: ["LIENTHONG_STORE": "sqlite:\(path)"])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(result.stdout.contains("\"feedHead\" : 0"))
    }

    @Test func aNewerStoreIsRefusedWithExitOneAndLeftUntouched() throws {
        let runner = try CLIRunner()
        #expect(try runner.run(["status", "--store", runner.store]).status == 0)
        let path = "\(runner.directory)/store.db"
        let bumped = try Process.run(
            URL(fileURLWithPath: "/usr/bin/python3"),
            arguments: ["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"insert into schema_migrations values (42,'future','x')\"); c.commit(); c.close()", path])
        bumped.waitUntilExit()
        #expect(bumped.terminationStatus == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try runner.run(["status", "--store", runner.store])
        #expect(result.status == 1)
        #expect(result.stderr.contains("schema version 42"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func notAStoreIsRefused() throws {
        let runner = try CLIRunner()
        let path = "\(runner.directory)/readme.txt"
        try Data("hello\n".utf8).write(to: URL(fileURLWithPath: path))
        let result = try runner.run(["status", "--store", "sqlite:\(path)"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("not a SQLite database"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "hello\n")
    }
}
