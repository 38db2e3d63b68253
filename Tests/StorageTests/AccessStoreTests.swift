import Dispatch
import Domain
import Storage
import StorageSQL
import StorageSQLite
import Testing

/// The query API's tables: name search kept in step with refreshes, places, scoped feed reads, the access log.
@Suite struct AccessStoreTests {
    func search(_ store: any Store, _ tokens: [String], within jurisdiction: Jurisdiction = Jurisdiction(national: true)) throws -> [String] {
        try store.read {
            try $0.searchEntities(
                kind: .person, tokens: tokens, exactName: tokens.joined(separator: " "), birthYear: nil, commune: nil, within: jurisdiction,
                limit: 10, offset: 0)
        }
    }

    @Test(arguments: Engine.available) func searchNamesFollowEveryRefreshAndLeaveWhenEmptied(engine: Engine) throws {
        let store = try engine.makeStore()
        try store.write { transaction in
            try transaction.createEntity(id: "P-1", kind: .person, at: "t")
            try transaction.setSearchNames(ofEntity: "P-1", kind: .person, names: ["nguyen van an"], exactName: "nguyen van an", birthYear: 1985)
            // The same again writes nothing and changes nothing.
            try transaction.setSearchNames(ofEntity: "P-1", kind: .person, names: ["nguyen van an"], exactName: "nguyen van an", birthYear: 1985)
        }
        #expect(try search(store, ["nguyen", "an"]) == ["P-1"])
        try store.write {
            try $0.setSearchNames(ofEntity: "P-1", kind: .person, names: ["tran thi binh"], exactName: "tran thi binh", birthYear: 1985)
        }
        #expect(try search(store, ["nguyen", "an"]).isEmpty, "the old name no longer finds it")
        #expect(try search(store, ["binh"]) == ["P-1"])
        try store.write { try $0.setSearchNames(ofEntity: "P-1", kind: .person, names: [], exactName: "", birthYear: nil) }
        #expect(try search(store, ["binh"]).isEmpty)
    }

    /// The index entries read for many entities at once are what the entities hold; handed back to the setters they
    /// decide alike whether anything changed.
    @Test(arguments: Engine.available) func indexEntriesReadAheadAreWhatTheSettersCompareWith(engine: Engine) throws {
        let store = try engine.makeStore()
        let place = EntityPlace(communeCode: "00004", provinceCode: "01")
        try store.write { transaction in
            for id in ["P-1", "P-2", "P-3"] { try transaction.createEntity(id: id, kind: .person, at: "t") }
            try transaction.setPlaces(ofEntity: "P-1", [place])
            try transaction.setSearchNames(ofEntity: "P-1", kind: .person, names: ["nguyen van an", "nguyen an"], exactName: "nguyen van an", birthYear: 1985)
            try transaction.setSearchNames(ofEntity: "P-2", kind: .person, names: ["tran thi binh"], exactName: "tran thi binh", birthYear: nil)
        }
        let entries = try store.read { try $0.indexEntries(ofEntities: ["P-1", "P-2", "P-3", "P-1"]) }
        #expect(entries.count == 3)
        #expect(entries["P-1"] == EntityIndexEntries(
            places: [place], search: .init(kind: "person", exactName: "nguyen van an", birthYear: 1985, names: "nguyen van an | nguyen an")))
        #expect(entries["P-2"]?.places == [] && entries["P-2"]?.search?.birthYear == nil && entries["P-2"]?.search?.names == "tran thi binh")
        #expect(entries["P-3"] == EntityIndexEntries(places: [], search: nil))
        try store.write { transaction in
            // Unchanged against what was read: nothing written; changed: replaced, as without `current`.
            try transaction.setSearchNames(
                ofEntity: "P-1", kind: .person, names: ["nguyen van an", "nguyen an"], exactName: "nguyen van an", birthYear: 1985,
                current: entries["P-1"])
            try transaction.setPlaces(ofEntity: "P-1", [place], current: entries["P-1"])
            try transaction.setSearchNames(
                ofEntity: "P-2", kind: .person, names: ["le van cuong"], exactName: "le van cuong", birthYear: 1990, current: entries["P-2"])
            try transaction.setPlaces(ofEntity: "P-3", [place], current: entries["P-3"])
            try transaction.setSearchNames(ofEntity: "P-3", kind: .person, names: [], exactName: "", birthYear: nil, current: entries["P-3"])
        }
        #expect(try search(store, ["nguyen", "an"]) == ["P-1"])
        #expect(try search(store, ["binh"]).isEmpty)
        #expect(try search(store, ["cuong"]) == ["P-2"])
        #expect(try store.read { try $0.places(ofEntity: "P-3") } == [place])
        #expect(try store.read { try $0.indexEntries(ofEntities: ["P-1"]) } == ["P-1": entries["P-1"]!])
    }

    @Test(arguments: Engine.available) func aFullScanOfTheAccessLogReadsEveryEntryOnceInOrderAcrossPages(engine: Engine) throws {
        let store = try engine.makeStore()
        let count = 2 * SQLTransactionScan.pageRows + 1  // two full pages and one row
        try store.appendToAccessLog { log in
            for n in 1...count {
                _ = try log.appendAccessLog(
                    AccessLogEntry(time: "t", keyID: "k", entityID: "P-\(n)", fields: ["name"], purpose: "test", route: "/", hash: "h\(n)"))
            }
        }
        var seen: [Int64] = []
        try store.read { try $0.forEachAccessLogEntry { seen.append($0.sequence) } }
        #expect(seen == Array(1...Int64(count)))
    }

    @Test(arguments: Engine.available) func theAccessLogIsAppendedWhileAnotherWriteIsOpen(engine: Engine) throws {
        let (store, otherProcess) = try engine.makeTwoStoresOnOneDatabase()
        let appended = DispatchSemaphore(value: 0)
        let entry = AccessLogEntry(time: "t", keyID: "k", entityID: "P-1", fields: ["name"], purpose: "test", route: "/", hash: "h1")
        // An ingest batch holds the writer (here and in another process) while person reads are logged.
        for writer in [store, otherProcess] {
            try writer.write { _ in
                DispatchQueue.global().async {
                    _ = try? store.appendToAccessLog { try $0.appendAccessLog(entry) }
                    appended.signal()
                }
                #expect(appended.wait(timeout: .now() + 10) == .success, "the access-log append waited for the write")
            }
        }
        #expect(try store.read { try $0.accessLog(entityID: "P-1") }.map(\.sequence) == [1, 2])
    }

    @Test(arguments: Engine.available) func jurisdictionScopesSearchAndFeed(engine: Engine) throws {
        let store = try engine.makeStore()
        try store.write { transaction in
            for (id, commune, province) in [("P-1", "26734", "79"), ("P-2", "00004", "01")] {
                try transaction.createEntity(id: id, kind: .person, at: "t")
                try transaction.setPlaces(ofEntity: id, [EntityPlace(communeCode: commune, provinceCode: province)])
                try transaction.setSearchNames(ofEntity: id, kind: .person, names: ["le van an"], exactName: "le van an", birthYear: nil)
                try transaction.appendFeedEvent(type: .entityCreated, subject: id, kind: .person, data: "{}", at: "t")
            }
        }
        let commune = try #require(Jurisdiction(parsing: "26734"))
        #expect(try search(store, ["an"]).sorted() == ["P-1", "P-2"])
        #expect(try search(store, ["an"], within: commune) == ["P-1"])
        #expect(try search(store, ["an"], within: try #require(Jurisdiction(parsing: "01"))) == ["P-2"])
        let (events, scanned) = try store.read { try $0.feed(after: 0, limit: 10, within: commune) }
        #expect(events.map(\.subject) == ["P-1"])
        #expect(scanned == 2, "the cursor moves past events the key may not see")
    }
}
