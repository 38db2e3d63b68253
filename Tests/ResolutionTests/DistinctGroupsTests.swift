import Testing
@testable import Resolution

@Suite struct DistinctGroupsTests {
    @Test func eachItemOnceInFirstSeenOrderInGroupsOfTheSize() {
        #expect(distinctGroups([3, 1, 3, 2, 1, 4, 5], size: 2) == [[3, 1], [2, 4], [5]])
        #expect(distinctGroups(["a", "a"], size: 512) == [["a"]])
        #expect(distinctGroups([Int](), size: 2).isEmpty)
        #expect(distinctGroups([1, 2], size: 0) == [[1], [2]])
    }
}
