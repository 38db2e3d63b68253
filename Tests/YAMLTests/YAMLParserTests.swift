import Testing
import YAML

@Suite struct YAMLParserTests {
    @Test func nodesCarryFileLineAndColumn() throws {
        let path = try writeTemporaryFile("name: population\ninput:\n  format: xml\nlist:\n  - a\n  - 'b'\n")
        let root = try YAMLParser.parse(contentsOf: path)
        #expect(root.position == YAMLPosition(file: path, line: 1, column: 1))
        let format = try #require(root["input"]?["format"])
        #expect(format.position.line == 3)
        #expect(format.position.column == 11)
        let items = try #require(root["list"]).sequence()
        #expect(items.map(\.scalarText) == ["a", "b"])
        #expect(items[1].position == YAMLPosition(file: path, line: 6, column: 5))
        #expect(items[1].content == .scalar("b", .singleQuoted))
        #expect(root.pairs.map(\.name) == ["name", "input", "list"])
    }

    @Test func scalarsAreNeverImplicitlyTyped() throws {
        let root = try YAMLParser.parse("a: no\nb: 012\nc: ~\nd: 1.50\ne: \"true\"\n", file: "t.yaml")
        #expect(root["a"]?.scalarText == "no")
        #expect(root["b"]?.scalarText == "012")
        #expect(root["c"]?.scalarText == "~")
        #expect(root["d"]?.scalarText == "1.50")
        #expect(root["e"]?.content == .scalar("true", .doubleQuoted))
    }

    @Test func typedAccessorsFailAtTheNode() throws {
        let root = try YAMLParser.parse("flag: yes\ncount: 12\nratio: 2.5\nok: true\nlist: [1]\n", file: "t.yaml")
        #expect(try root["count"]?.int() == 12)
        #expect(try root["ratio"]?.double() == 2.5)
        #expect(try root["ok"]?.bool() == true)
        let flag = try #require(root["flag"])
        #expect(throws: YAMLError(position: YAMLPosition(file: "t.yaml", line: 1, column: 7), rule: "yaml.type", message: "expected true or false, found 'yes'")) {
            try flag.bool()
        }
        let list = try #require(root["list"])
        do {
            _ = try list.string()
            Issue.record("a list read as a string")
        } catch {
            #expect(error.position.line == 5)
            #expect(error.message == "expected a string, found a list")
        }
        #expect(throws: YAMLError.self) { try root["ratio"]?.int() }
        #expect(throws: YAMLError.self) { try root["flag"]?.double() }
    }

    @Test func duplicateKeysAreAllReported() throws {
        let path = try writeTemporaryFile("a: 1\nb: 2\na: 3\nb: 4\n")
        do {
            _ = try YAMLParser.parse(contentsOf: path)
            Issue.record("duplicate keys accepted")
        } catch {
            #expect(error.errors.map(\.rule) == ["yaml.duplicate_key", "yaml.duplicate_key"])
            #expect(error.errors.map(\.position.line) == [3, 4])
            #expect(error.errors[0].message == "duplicate key 'a' (first at line 1, column 1)")
        }
    }

    @Test func syntaxErrorsUseTheProblemMark() throws {
        let path = try writeTemporaryFile("a: 1\nb: [1, 2\nc: 3\n")
        do {
            _ = try YAMLParser.parse(contentsOf: path)
            Issue.record("bad YAML accepted")
        } catch {
            let only = try #require(error.errors.first)
            #expect(only.rule == "yaml.syntax")
            #expect(only.position.file == path)
            #expect(only.position.line == 3)
            #expect(only.position.column == 2)
            #expect(only.message.contains("flow sequence"))
        }
    }

    @Test func tabIndentationIsASyntaxErrorWithPosition() {
        do {
            _ = try YAMLParser.parse("a:\n\tb: 1\n", file: "tab.yaml")
            Issue.record("tab accepted")
        } catch {
            #expect(error.errors.first?.rule == "yaml.syntax")
            #expect(error.errors.first?.position.line == 2)
        }
    }

    @Test(arguments: [
        ("a: &x 1\nb: *x\n", "yaml.anchor", 1),
        ("a: 1\n---\nb: 2\n", "yaml.multiple_documents", 2),
        ("? [a, b]\n: 1\n", "yaml.complex_key", 1),
        ("", "yaml.empty", 1),
    ])
    func rejectedConstructs(text: String, rule: String, line: Int) {
        do {
            _ = try YAMLParser.parse(text, file: "x.yaml")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.errors.first?.rule == rule)
            #expect(error.errors.first?.position.line == line)
        }
    }

    @Test func aliasWithoutAnchorIsRejected() {
        #expect(throws: YAMLErrorList.self) { try YAMLParser.parse("a: *nothing\n", file: "x.yaml") }
    }

    @Test func deepNestingIsRejected() {
        let text = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        do {
            _ = try YAMLParser.parse(text, file: "deep.yaml")
            Issue.record("deep nesting accepted")
        } catch {
            #expect(error.errors.first?.rule == "yaml.too_deep")
        }
    }

    @Test func missingFileIsAnError() {
        do {
            _ = try YAMLParser.parse(contentsOf: "/nonexistent/dir/x.yaml")
            Issue.record("missing file parsed")
        } catch {
            #expect(error.errors.first?.rule == "yaml.unreadable")
        }
    }

    @Test func unicodeScalarsAndColumns() throws {
        let root = try YAMLParser.parse("tên: Nguyễn Văn An\nx: 1\n", file: "u.yaml")
        #expect(root["tên"]?.scalarText == "Nguyễn Văn An")
        #expect(root["tên"]?.position.column == 6)
    }
}
