/// Maps freshly computed clusters onto the entity IDs already published, so that IDs stay stable: an entity
/// keeps its ID as long as some cluster holds most of its mentions; a merge keeps one ID and retires the others
/// (redirecting to the survivor); a split keeps the ID where most mentions stay and mints a new one for the part
/// that left, recording lineage. Pure and deterministic.
struct EntityIDPlan: Equatable {
    /// Per cluster (same order as the input): the existing entity it continues, or nil for a new entity.
    var targets: [String?]
    /// Entities all of whose mentions went to clusters continued by other entities: retired into `cluster`.
    var merges: [Merge]
    /// New clusters that took mentions from an entity that lives on in another cluster.
    var splits: [Split]

    struct Merge: Equatable {
        var retired: String
        var cluster: Int
        var mentions: [Int64]
    }

    struct Split: Equatable {
        var from: String
        var cluster: Int
        var mentions: [Int64]
    }

    /// `clusters` hold mention ids; `current` names the entity each mention belongs to now (absent: none yet).
    /// Every member of every entity named in `current` must be in some cluster. `anchors` are mentions that keep
    /// their entity's ID whatever the counts (a steward's split: the part that stays keeps the ID).
    init(clusters: [[Int64]], current: [Int64: String], anchors: Set<Int64> = []) {
        // Overlap of each (cluster, entity): whether the cluster holds an anchor of the entity, and how many of the
        // entity's mentions it holds.
        var overlaps: [(cluster: Int, entity: String, anchored: Int, count: Int)] = []
        for (index, cluster) in clusters.enumerated() {
            var counts: [String: Int] = [:]
            var anchored: Set<String> = []
            for mention in cluster {
                guard let entity = current[mention] else { continue }
                counts[entity, default: 0] += 1
                if anchors.contains(mention) { anchored.insert(entity) }
            }
            overlaps += counts.map { (index, $0.key, anchored.contains($0.key) ? 1 : 0, $0.value) }
        }
        overlaps.sort { ($1.anchored, $1.count, $0.entity, $0.cluster) < ($0.anchored, $0.count, $1.entity, $1.cluster) }
        var targets: [String?] = Array(repeating: nil, count: clusters.count)
        var claimed: Set<String> = []
        for overlap in overlaps where targets[overlap.cluster] == nil && !claimed.contains(overlap.entity) {
            targets[overlap.cluster] = overlap.entity
            claimed.insert(overlap.entity)
        }
        self.targets = targets
        var moved: [String: [Int: [Int64]]] = [:]
        for (index, cluster) in clusters.enumerated() {
            for mention in cluster {
                if let entity = current[mention], entity != targets[index] { moved[entity, default: [:]][index, default: []].append(mention) }
            }
        }
        var merges: [Merge] = []
        var splits: [Split] = []
        for entity in moved.keys.sorted() {
            let destinations = moved[entity]!
            if claimed.contains(entity) {
                for (cluster, mentions) in destinations.sorted(by: { $0.key < $1.key }) where targets[cluster] == nil {
                    splits.append(Split(from: entity, cluster: cluster, mentions: mentions))
                }
            } else {
                // Retired: it redirects to the cluster that took most of its mentions (all of them are claimed).
                let (cluster, _) = destinations.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }!
                merges.append(Merge(retired: entity, cluster: cluster, mentions: destinations.values.flatMap { $0 }.sorted()))
                for (other, mentions) in destinations.sorted(by: { $0.key < $1.key }) where targets[other] == nil {
                    splits.append(Split(from: entity, cluster: other, mentions: mentions))
                }
            }
        }
        self.merges = merges
        self.splits = splits
    }
}
