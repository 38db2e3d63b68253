import Testing

@testable import Mapping
import Normalization

@Suite struct NormalizerMemoTests {
    @Test func recentTableKeepsTwoGenerationsAndPromotesHits() {
        var table = RecentTable<String, Int>()
        for index in 0..<4 { table.insert(index, for: "k\(index)", capacity: 2) }
        // k0,k1 filled the first generation; k2 turned it over; k3 joined k2.
        #expect(table.count == 4)
        #expect(table.value(for: "k0") == 0)  // found in the previous generation, moved to the current one
        table.insert(4, for: "k4", capacity: 2)  // current (k2, k3, k0) is full: it becomes previous
        #expect(table.value(for: "k1") == nil)  // k1 was dropped with the oldest generation
        #expect(table.value(for: "k0") == 0)
        #expect(table.value(for: "k4") == 4)
        #expect(table.count <= 5)
    }
}
