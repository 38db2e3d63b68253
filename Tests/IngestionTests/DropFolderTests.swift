import Foundation
import Ingestion
import Testing

@Suite struct FileFingerprintTests {
    @Test func fingerprintIsSizeAndSHA256() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("a.csv", "id,name\n1,An\n")
        let fingerprint = try FileFingerprint.compute(path: "\(directory.path)/a.csv")
        #expect(fingerprint.size == 13)
        #expect(fingerprint.sha256 == "ce32a694c44e3de280a0d584a22747548f1f5cbddd586cb04b34e0ceb8dcad8c")
        #expect(fingerprint.description == "size=13 sha256=ce32a694c44e3de280a0d584a22747548f1f5cbddd586cb04b34e0ceb8dcad8c")
    }

    @Test func checkpointValuesRoundTripAndForeignValuesAreIgnored() {
        let fingerprint = FileFingerprint(size: 13, sha256: String(repeating: "ab", count: 32))
        let processed = FileCheckpoint(state: .processed, fingerprint: fingerprint)
        #expect(processed.value == "processed size=13 sha256=" + String(repeating: "ab", count: 32))
        #expect(FileCheckpoint(parsing: processed.value) == processed)
        #expect(FileCheckpoint(parsing: FileCheckpoint(state: .rejected, fingerprint: fingerprint).value)?.state == .rejected)
        for bad in ["", "processed", "done size=13 sha256=" + String(repeating: "ab", count: 32), "processed size=x sha256=ab",
                    "processed size=13 sha256=abc"] {
            #expect(FileCheckpoint(parsing: bad) == nil, "\(bad)")
        }
    }
}

@Suite struct DropFolderTests {
    let past = Date(timeIntervalSinceNow: -3600)

    @Test func eachFileIsProcessedOnceUntilItChanges() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("b.csv", "id\n2\n", modified: past)
        try directory.write("a.csv", "id\n1\n", modified: past)
        try directory.write("notes.txt", "not an export", modified: past)
        let folder = try DropFolder(directory: directory.path, glob: try GlobPattern("*.csv"), settleSeconds: 5)
        let checkpoints = MemoryCheckpoints()

        let first = try folder.scan(checkpoints: checkpoints)
        #expect(first.ready.map(\.name) == ["a.csv", "b.csv"])
        #expect(first.ready[0].checkpointKey == "file:\(folder.directory)/a.csv")
        #expect(first.ready[0].fingerprint.size == 5)
        checkpoints.apply(first.ready.map { $0.checkpoint(.processed) })

        let second = try folder.scan(checkpoints: checkpoints)
        #expect(second.ready.isEmpty)
        #expect(second.alreadyProcessed.map(\.name) == ["a.csv", "b.csv"])

        try directory.write("a.csv", "id\n1\n3\n", modified: past)
        let third = try folder.scan(checkpoints: checkpoints)
        #expect(third.ready.map(\.name) == ["a.csv"])
        #expect(third.ready[0].fingerprint.size == 7)
        #expect(third.alreadyProcessed.map(\.name) == ["b.csv"])
    }

    @Test func aRejectedFileWaitsForNewContent() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("bad.csv", "\"unterminated\n", modified: past)
        let folder = try DropFolder(directory: directory.path, glob: try GlobPattern("*.csv"))
        let checkpoints = MemoryCheckpoints()
        let first = try folder.scan(checkpoints: checkpoints)
        checkpoints.apply(first.ready.map { $0.checkpoint(.rejected) })
        let second = try folder.scan(checkpoints: checkpoints)
        #expect(second.ready.isEmpty)
        #expect(second.previouslyRejected.map(\.name) == ["bad.csv"])
        try directory.write("bad.csv", "id\nfixed\n", modified: past)
        #expect(try folder.scan(checkpoints: checkpoints).ready.map(\.name) == ["bad.csv"])
    }

    @Test func filesStillBeingWrittenWaitForTheNextRound() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("fresh.csv", "id\n1\n")
        try directory.write("old.csv", "id\n1\n", modified: past)
        try directory.write(".partial.csv", "id\n", modified: past)
        try FileManager.default.createDirectory(atPath: "\(directory.path)/folder.csv", withIntermediateDirectories: false)
        let folder = try DropFolder(directory: directory.path, glob: try GlobPattern("*.csv"), settleSeconds: 60)
        let scan = try folder.scan(checkpoints: MemoryCheckpoints())
        #expect(scan.ready.map(\.name) == ["old.csv"])
        #expect(scan.notReady.map(\.name) == ["fresh.csv"])
        #expect(scan.notReady.first?.reason.hasSuffix("waiting 60 s for the writer to finish") == true)
        #expect(scan.ignored.map(\.name) == ["folder.csv"])
        #expect(scan.ignored.first?.reason == "not a regular file")

        let later = try folder.scan(checkpoints: MemoryCheckpoints(), now: Date(timeIntervalSinceNow: 120))
        #expect(later.ready.map(\.name) == ["fresh.csv", "old.csv"])
    }

    @Test func processedAndFailedFilesAreMovedAside() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("good.csv", "id\n1\n", modified: past)
        try directory.write("bad.csv", "broken", modified: past)
        let folder = try DropFolder(directory: directory.path, glob: try GlobPattern("*.csv"), settleSeconds: 0)
        let scan = try folder.scan(checkpoints: MemoryCheckpoints())
        let bad = try #require(scan.ready.first { $0.name == "bad.csv" })
        let good = try #require(scan.ready.first { $0.name == "good.csv" })
        #expect(try folder.moveToProcessed(good) == "\(folder.directory)/processed/good.csv")
        #expect(try folder.moveToFailed(bad, reason: "bad.csv:1:1: error: unterminated quote [csv.unterminated_quote]")
            == "\(folder.directory)/failed/bad.csv")
        #expect(!directory.exists("good.csv") && !directory.exists("bad.csv"))
        #expect(try directory.read("processed/good.csv") == "id\n1\n")
        #expect(try directory.read("failed/bad.csv.reason.txt") == "bad.csv:1:1: error: unterminated quote [csv.unterminated_quote]\n")
        // The sub-folders are never scanned.
        #expect(try folder.scan(checkpoints: MemoryCheckpoints()).ready.isEmpty)

        // A second delivery under the same name does not overwrite the first.
        try directory.write("good.csv", "id\n2\n", modified: past)
        let again = try #require(try folder.scan(checkpoints: MemoryCheckpoints()).ready.first)
        #expect(try folder.moveToProcessed(again) == "\(folder.directory)/processed/good-2.csv")
        #expect(try directory.read("processed/good.csv") == "id\n1\n")
    }

    @Test func aMissingFolderIsAnError() {
        #expect(throws: DropFolderError.self) {
            try DropFolder(directory: "/nonexistent/lienthong-drop", glob: try GlobPattern("*"))
        }
    }
}
