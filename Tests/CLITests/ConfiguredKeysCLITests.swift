import Foundation
import Testing

/// API keys declared in the daemon's configuration (`keys:`): provisioned at start, updated and revoked on reload,
/// never stored with their secret, and kept apart from the keys `lienthong keys create` makes.
@Suite struct ConfiguredKeysCLITests {
    /// `keys create --config-entry`: the token and the YAML entry.
    static func declare(_ runner: CLIRunner, role: String, jurisdiction: String, label: String) throws -> (token: String, entry: String) {
        let created = try runner.run(["keys", "create", "--role", role, "--jurisdiction", jurisdiction, "--label", label, "--config-entry"])
        #expect(created.status == 0, "\(created.stderr)")
        let lines = created.stdout.split(separator: "\n").map(String.init)
        let token = try #require(lines.first?.split(separator: " ").last.map(String.init))
        let entry = lines.drop { !$0.hasPrefix("  - id: ") }.joined(separator: "\n")
        #expect(token.hasPrefix("lt_") && !entry.isEmpty && !entry.contains(token), "\(created.stdout)")
        return (token, entry)
    }

    static func keys(_ runner: CLIRunner) throws -> [[String: Any]] {
        let listed = try runner.run(["keys", "list", "--json", "--store", runner.store])
        return try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]], "\(listed.stderr)")
    }

    @Test func declaredKeysAreProvisionedUpdatedAndRevokedWithTheConfiguration() throws {
        let runner = try CLIRunner()
        let (token, entry) = try Self.declare(runner, role: "reader", jurisdiction: "26734", label: #"xã "Phú" Xuân"#)
        #expect(try Self.keys(runner).isEmpty, "--config-entry stores nothing")
        let config = "\(runner.directory)/lienthong.yaml"
        let header = "store: \(runner.store)\nsources: []\nkeys:\n"
        // --json, and a label with a control character: the entry stays valid YAML.
        let other = try runner.run(["keys", "create", "--role", "steward", "--jurisdiction", "01", "--label", "tab\there", "--config-entry", "--json"])
        let otherEntry = try #require((try JSONSerialization.jsonObject(with: Data(other.stdout.utf8)) as? [String: String])?["entry"])
        #expect(otherEntry.contains(#"label: "tab\there""#) && otherEntry.contains(#"jurisdiction: "01""#), "\(otherEntry)")
        try (header + entry + "\n" + otherEntry + "\n").write(toFile: config, atomically: true, encoding: .utf8)
        let checked = try runner.run(["config", "check", config])
        #expect(checked.status == 0, "\(checked.stderr)")
        try (header + entry + "\n").write(toFile: config, atomically: true, encoding: .utf8)

        let server = try QueryAPICLITests.Server(runner, extra: ["--config", config])
        #expect(try server.get("/v1/feed?after=0", key: token).status == 200)
        let stored = try #require(try Self.keys(runner).first)
        #expect(stored["configured"] as? Bool == true && stored["label"] as? String == #"xã "Phú" Xuân"# && stored["role"] as? String == "reader")
        let id = try #require(stored["id"] as? String)
        let revoke = try runner.run(["keys", "revoke", id, "--store", runner.store])
        #expect(revoke.status == 1 && revoke.stderr.contains("declared in the daemon's configuration"), "\(revoke.stderr)")

        // A new role on reload; then the key removed from the file: revoked, the token refused.
        try (header + entry.replacingOccurrences(of: "role: reader", with: "role: operator") + "\n")
            .write(toFile: config, atomically: true, encoding: .utf8)
        kill(server.process.processIdentifier, SIGHUP)
        #expect(DaemonProcess.eventually(10) { (try? Self.keys(runner).first?["role"] as? String) == "operator" })
        try "store: \(runner.store)\nsources: []\n".write(toFile: config, atomically: true, encoding: .utf8)
        kill(server.process.processIdentifier, SIGHUP)
        #expect(DaemonProcess.eventually(10) { (try? server.get("/v1/feed?after=0", key: token).status) == 401 })
        #expect(try Self.keys(runner).first?["revokedAt"] as? String != nil)
    }

    @Test func badEntriesAndTheIdOfACommandLineKeyAreRefused() throws {
        let runner = try CLIRunner()
        let bad = "\(runner.directory)/bad.yaml"
        try """
            sources: []
            keys:
              - id: 3F9A1C0E5B7D2A41
                secret_sha256: abc
                role: admin
                jurisdiction: everywhere
              - id: 3f9a1c0e5b7d2a41
                role: reader
                jurisdiction: national
                scope: all
            """.write(toFile: bad, atomically: true, encoding: .utf8)
        let checked = try runner.run(["config", "check", bad])
        #expect(checked.status == 1)
        for text in [
            "bad.yaml:3:9: error: id: expected the 16 lowercase hex digits of a key id, found '3F9A1C0E5B7D2A41'",
            "bad.yaml:4:20: error: secret_sha256: expected the 64 lowercase hex digits of a SHA-256, found 'abc'",
            "bad.yaml:5:11: error: role: expected reader, operator or steward, found 'admin'",
            "bad.yaml:6:19: error: jurisdiction: expected national or 2-digit province / 5-digit commune codes, found 'everywhere'",
            "bad.yaml:7:5: error: missing required key 'secret_sha256' in a key", "bad.yaml:10:5: error: unknown key 'scope' in a key",
            "bad.yaml: 6 error(s)",
        ] {
            #expect(checked.stderr.contains(text), "\(text)\n\(checked.stderr)")
        }

        // An id that belongs to a key made on the command line: the daemon does not start, nothing changes.
        let made = try runner.run(["keys", "create", "--role", "reader", "--jurisdiction", "national", "--json", "--store", runner.store])
        let id = try #require((try JSONSerialization.jsonObject(with: Data(made.stdout.utf8)) as? [String: Any])?["id"] as? String)
        let config = "\(runner.directory)/lienthong.yaml"
        try """
            store: \(runner.store)
            sources: []
            keys:
              - {id: \(id), secret_sha256: \(String(repeating: "a", count: 64)), role: steward, jurisdiction: national}
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let refused = try runner.run(["serve", "--config", config, "--listen", "127.0.0.1:0"])
        #expect(refused.status == 1 && refused.stderr.contains("was made with 'lienthong keys create'"), "\(refused.stderr)")
        #expect(try Self.keys(runner).first?["role"] as? String == "reader")
    }
}
