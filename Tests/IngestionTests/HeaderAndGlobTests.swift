import Foundation
import Ingestion
import Testing

@Suite struct LinkHeaderTests {
    @Test func picksTheNextLinkAmongSeveral() {
        let header = #"<https://api.example.vn/e?page=1>; rel="first", <https://api.example.vn/e?page=3>; rel="next", <https://api.example.vn/e?page=9>; rel=last"#
        #expect(LinkHeader.nextURL(in: header, relativeTo: "https://api.example.vn/e?page=2") == "https://api.example.vn/e?page=3")
        let links = LinkHeader.parse(header)
        #expect(links.count == 3)
        #expect(links.map(\.relations) == [["first"], ["next"], ["last"]])
    }

    @Test func resolvesRelativeTargetsAgainstTheRequest() {
        #expect(LinkHeader.nextURL(in: "</paged/2>; rel=\"next\"", relativeTo: "http://127.0.0.1:8080/paged/1") == "http://127.0.0.1:8080/paged/2")
        #expect(LinkHeader.nextURL(in: "<?cursor=abc>; rel=next", relativeTo: "https://h/x/export?cursor=0") == "https://h/x/export?cursor=abc")
    }

    @Test func keepsCommasAndSemicolonsInsideTargetsAndQuotes() {
        let header = #"<https://h/e?ids=1,2;3>; title="a, b; c"; rel="prev", <https://h/e?after=2,3>; rel="next nofollow""#
        let links = LinkHeader.parse(header)
        #expect(links.map(\.target) == ["https://h/e?ids=1,2;3", "https://h/e?after=2,3"])
        #expect(links[0].parameters["title"] == "a, b; c")
        #expect(LinkHeader.nextURL(in: header, relativeTo: "https://h/e") == "https://h/e?after=2,3")
    }

    @Test func noUsableNextLinkMeansNoNextPage() {
        #expect(LinkHeader.nextURL(in: nil, relativeTo: "https://h/") == nil)
        #expect(LinkHeader.nextURL(in: "", relativeTo: "https://h/") == nil)
        #expect(LinkHeader.nextURL(in: #"<https://h/2>; rel="prev""#, relativeTo: "https://h/") == nil)
        #expect(LinkHeader.nextURL(in: #"<file:///etc/passwd>; rel="next""#, relativeTo: "https://h/") == nil)
        #expect(LinkHeader.nextURL(in: #"garbage, <https://h/3>; rel="next""#, relativeTo: "https://h/") == "https://h/3")
        #expect(LinkHeader.parse("<unterminated; rel=next").isEmpty)
    }
}

@Suite struct GlobPatternTests {
    @Test func matchesShellStyle() throws {
        let csv = try GlobPattern("*.csv")
        #expect(csv.matches("land.csv"))
        #expect(csv.matches("đất đai 2025.csv"))
        #expect(!csv.matches("land.csv.part"))
        #expect(!csv.matches("land.CSV"))
        #expect(!csv.matches(".land.csv"), "hidden files are being written and never match")
        let dated = try GlobPattern("land-20??-[01][0-9].csv")
        #expect(dated.matches("land-2025-07.csv"))
        #expect(!dated.matches("land-2025-7.csv"))
        #expect(!dated.matches("land-2025-27.csv"))
        let notTemp = try GlobPattern("[!~]*")
        #expect(notTemp.matches("export.json"))
        #expect(!notTemp.matches("~export.json"))
        #expect(try GlobPattern("*").matches("anything"))
        #expect(try GlobPattern("exact.xml").matches("exact.xml"))
        #expect(!(try GlobPattern("exact.xml").matches("exactxxml")))
    }

    @Test func refusesPathsAndEmptyPatterns() {
        #expect(throws: GlobPatternError.self) { try GlobPattern("") }
        #expect(throws: GlobPatternError.self) { try GlobPattern("sub/*.csv") }
        do {
            _ = try GlobPattern("a/b")
        } catch {
            #expect("\(error)" == "invalid glob 'a/b': a pattern matches file names, not paths: remove '/'")
        }
    }
}
