import Foundation

/// The inspections (巡察) of one round (轮次).
public struct InspectionRound: Sendable, Hashable {
    public var name: String
    public var id: String
    /// Indices into `InspectionIndex.inspections`, by unit.
    public var inspections: [Int]
}

/// Which notices are about the same inspection, and which inspections make up a round. Notices are linked when they
/// share an `inspection.id`, or the same round, group and target (spaces ignored); an announcement joins every
/// inspection it announces (each group's targets in its round). Made from summaries only.
public struct InspectionIndex: Sendable {
    public private(set) var inspections: [InspectionRecord] = []
    /// Rounds, the one with the latest notice first.
    public private(set) var rounds: [InspectionRound] = []
    /// The inspection each notice (not an announcement) belongs to, by notice index.
    public private(set) var ofNotice: [Int: Int] = [:]

    public init(notices: [NoticeSummary]) {
        var links = Links()
        // (Fields are read in place, without copying each summary.)
        for i in notices.indices where notices[i].kind != .announcement {
            guard let keys = notices[i].inspection?.keys, !keys.isEmpty else { continue }
            links.add(notice: i, keys: keys)
        }
        var components = links.components()
        for i in notices.indices where notices[i].kind == .announcement {
            guard let round = notices[i].inspection?.round, let groups = notices[i].announcement?.groups else { continue }
            for group in groups {
                for target in group.targets where !target.isEmpty {
                    let key = InspectionRef.key(round: round, group: group.name, target: target)
                    if let c = links.component(of: key) { components[c].announcements.append(i); continue }
                    links.register(key: key, component: components.count)
                    components.append(Links.Component(keys: [key], notices: [], announcements: [i],
                                                      announced: (round, group.name, target)))
                }
            }
        }
        let ids = InspectionIndex.ids(for: components)
        var records = components.enumerated().map { c, component in
            InspectionIndex.record(component, id: ids[c], notices: notices)
        }
        records.sort { ($0.round ?? "", $0.target, $0.group ?? "", $0.id) < ($1.round ?? "", $1.target, $1.group ?? "", $1.id) }
        inspections = records
        for (r, record) in records.enumerated() {
            for i in record.notices where notices[i].kind != .announcement { ofNotice[i] = r }
        }
        rounds = InspectionIndex.rounds(of: records, notices: notices)
    }

    /// Gives rounds the folder names site.yaml chooses (`rounds.<轮次>.slug`) where usable and free.
    public mutating func useSlugs(_ slug: (String) -> String?) {
        let ids = StableID.ids(for: rounds.map(\.name), preferring: slug)
        for i in rounds.indices { rounds[i].id = ids[rounds[i].name]! }
    }

    /// A later rectification or 回头看 notice of the same inspection reports progress: this notice's open problems
    /// are no longer its latest word (they are not counted, marked or warned about as overdue).
    public func isSuperseded(_ index: Int, in notices: [NoticeSummary]) -> Bool {
        guard let r = ofNotice[index], notices[index].progress != nil else { return false }
        // (Fields are read in place: copying each 584-byte summary was most of the time this took.)
        let me = (notices[index].date, notices[index].kind, notices[index].slug)
        return inspections[r].notices.contains { i in
            i != index && notices[i].kind >= .rectification && notices[i].progress != nil
                && (notices[i].date, notices[i].kind, notices[i].slug) > me
        }
    }

    /// Folder names: a plain ASCII `inspection.id` as it is, else eight hex digits of the inspection's first key.
    private static func ids(for components: [Links.Component]) -> [String] {
        let names = components.map { c in c.keys.first { $0.hasPrefix("id:") }.map { String($0.dropFirst(3)) } ?? c.keys.min()! }
        let plain = Set(names.filter { Slug.problem(with: $0) == nil })
        let hashed = StableID.ids(for: names.filter { !plain.contains($0) })
        return names.map { plain.contains($0) ? $0 : hashed[$0]! }
    }

    private static func record(_ c: Links.Component, id: String, notices: [NoticeSummary]) -> InspectionRecord {
        let members = (c.notices + c.announcements).uniqued().sorted { a, b in
            let (x, y) = (notices[a], notices[b])
            return (x.date, x.kind, x.slug) < (y.date, y.kind, y.slug)
        }
        let refs = c.notices.sorted().compactMap { notices[$0].inspection }
        var record = InspectionRecord(id: id, round: refs.lazy.compactMap(\.round).first ?? c.announced?.round,
                                      group: refs.lazy.compactMap(\.group).first ?? c.announced?.group,
                                      target: refs.lazy.compactMap(\.target).first ?? c.announced?.target
                                          ?? c.notices.min().map { notices[$0].org } ?? "",
                                      notices: members)
        // The feedback notice's own statement first, then any notice's.
        let sources = members.filter { notices[$0].kind == .feedback } + members.filter { notices[$0].kind != .feedback }
        for i in sources where notices[i].kind != .announcement {
            if let day = notices[i].inspection?.feedback ?? (notices[i].kind == .feedback ? notices[i].date : nil) {
                record.feedback = day; record.feedbackSource = i; break
            }
        }
        return record
    }

    private static func rounds(of records: [InspectionRecord], notices: [NoticeSummary]) -> [InspectionRound] {
        var byRound: [String: [Int]] = [:]
        for (r, record) in records.enumerated() { if let round = record.round { byRound[round, default: []].append(r) } }
        let ids = StableID.ids(for: Array(byRound.keys))
        func latest(_ members: [Int]) -> CalendarDate { members.flatMap { records[$0].notices }.map { notices[$0].date }.max()! }
        return byRound.map { InspectionRound(name: $0.key, id: ids[$0.key]!, inspections: $0.value) }
            .map { (round: $0, latest: latest($0.inspections)) }
            .sorted { a, b in a.latest != b.latest ? a.latest > b.latest : a.round.name < b.round.name }
            .map(\.round)
    }
}

/// Notices joined by the keys they share (union–find over keys).
private struct Links {
    struct Component {
        var keys: [String]
        var notices: [Int]
        var announcements: [Int]
        /// For an inspection known only from an announcement: its round, group and target as announced.
        var announced: (round: String, group: String, target: String)?
    }

    private var parent: [Int] = []
    private var keyNotice: [String: Int] = [:]
    private var noticeKeys: [Int: [String]] = [:]
    private var order: [Int] = []
    /// After `components()`: the component of each key.
    private var keyComponent: [String: Int] = [:]

    mutating func add(notice: Int, keys: [String]) {
        let node = parent.count
        parent.append(node)
        order.append(notice)
        noticeKeys[node] = keys
        for key in keys {
            if let other = keyNotice[key] { union(node, other) } else { keyNotice[key] = node }
        }
    }

    private mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
        return x
    }

    private mutating func union(_ a: Int, _ b: Int) {
        let (ra, rb) = (find(a), find(b))
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }

    /// Each group of linked notices, in the order of their first notice.
    mutating func components() -> [Component] {
        var index: [Int: Int] = [:]
        var result: [Component] = []
        for node in parent.indices {
            let root = find(node)
            let c = index[root] ?? { index[root] = result.count; result.append(Component(keys: [], notices: [], announcements: [])); return result.count - 1 }()
            result[c].notices.append(order[node])
            for key in noticeKeys[node]! where keyComponent[key] == nil {
                keyComponent[key] = c
                result[c].keys.append(key)
            }
        }
        return result
    }

    func component(of key: String) -> Int? { keyComponent[key] }
    mutating func register(key: String, component: Int) { keyComponent[key] = component }
}
