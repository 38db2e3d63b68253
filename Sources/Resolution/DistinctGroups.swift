/// Each of `items` once, in the order first seen, in consecutive groups of at most `size`: the resolvers and the
/// golden-record refresh read what a group needs at once, then work through it.
func distinctGroups<Item: Hashable>(_ items: [Item], size: Int) -> [[Item]] {
    var seen: Set<Item> = []
    let distinct = items.filter { seen.insert($0).inserted }
    let step = max(size, 1)
    return stride(from: 0, to: distinct.count, by: step).map { Array(distinct[$0..<min($0 + step, distinct.count)]) }
}
