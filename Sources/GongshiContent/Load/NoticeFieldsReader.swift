import GongshiCore
import Foundation
import Yams

/// Reads a notice's front matter straight from the node tree into `NoticeFields`, without Codable: decoding through
/// `NodeDecoder` (a keyed container, a coding path and a generic call for every field) was 5.3% of a build's
/// instructions (issue 17). It reads only the plain case: every key one it knows, every value of the shape the schema
/// gives it and a text each field accepts. On anything else it gives up and `NoticeLoader` decodes through Codable
/// as before, which makes the value or the diagnostics: every message about a field still comes from one place, and
/// a key this reader does not know (one added to `Schema.notice` and not here) only means the slower path. Values are
/// made by the same functions Codable calls (`CalendarDate(_:)`, `ProblemStatus(text:)`, Yams' `Bool.construct`,
/// `Int.construct`, `NodeDecoder.isNull`); tests compare the two readers over the example site, the fixture sites and
/// front matter with each field changed in ways a clerk might write it.
enum NoticeFieldsReader {
    /// What the reader does not take as written; the loader then decodes through Codable.
    private struct NotPlain: Error {}

    /// The keys it reads at each level, by the schema's path ("" for the top level; a test compares them with the schema).
    static let keys: [String: [String]] = [
        "": top,
        "inspection": inspection, "problems": problem, "stats": stats, "contact": contact, "signature": signature,
        "review": review, "period": period, "withdrawn": withdrawal, "corrections": correction, "groups": group,
    ]
    fileprivate static let top = ["title", "org", "date", "slug", "column", "summary", "documentNumber", "indexNumber", "publisher",
                              "writtenDate", "topic", "disclosureMode", "disclosureScope", "inspection", "problems", "stats", "contact",
                              "signature", "draft", "time", "review", "period", "withdrawn", "corrections", "kind", "groups",
                              "lettersUntil"]
    fileprivate static let inspection = ["id", "round", "group", "target", "start", "end", "feedback"]
    fileprivate static let problem = ["title", "category", "status", "owner", "due"]
    fileprivate static let stats = ["total", "done", "partial", "ongoing", "notStarted"]
    fileprivate static let contact = ["phone", "email", "address", "postcode", "envelope"]
    fileprivate static let signature = ["org", "date"]
    fileprivate static let review = ["drafter", "reviewer", "approver", "approved"]
    fileprivate static let period = ["start", "end"]
    fileprivate static let withdrawal = ["date", "reason"]
    fileprivate static let correction = ["date", "note"]
    fileprivate static let group = ["name", "targets", "phone", "email", "mailbox", "address", "postcode", "hours"]

    /// The fields of a front matter whose root mapping is `mapping`, nil when it is not plain.
    static func read(_ mapping: Node.Mapping) -> NoticeFields? {
        guard let v = try? values(of: mapping, top) else { return nil }
        return try? NoticeFields(v)
    }

    /// The value of each of `names` in a mapping (nil where absent), the first where a key repeats, as Codable finds
    /// them; throws on a key not among `names`.
    fileprivate static func values(of mapping: Node.Mapping, _ names: [String]) throws -> [Node?] {
        var found = [Node?](repeating: nil, count: names.count)
        for index in mapping.indices {
            guard case .scalar(let name) = mapping[index].key, let i = names.firstIndex(of: name.string) else { throw NotPlain() }
            if case .none = found[i] { found[i] = mapping[index].value }
        }
        return found
    }

    fileprivate static func values(of node: Node, _ names: [String]) throws -> [Node?] {
        guard case .mapping(let mapping) = node else { throw NotPlain() }
        return try values(of: mapping, names)
    }

    /// nil for a field left out or written empty (`~`, `null`), as Codable's `decodeIfPresent` sees it.
    fileprivate static func present(_ node: Node?) -> Node? {
        guard let node, !NodeDecoder.isNull(node) else { return nil }
        return node
    }

    fileprivate static func required(_ node: Node?) throws -> Node {
        guard let node else { throw NotPlain() }
        return node
    }

    fileprivate static func text(_ node: Node) throws -> String {
        guard case .scalar(let scalar) = node else { throw NotPlain() }
        return scalar.string
    }

    fileprivate static func optionalText(_ node: Node?) throws -> String? { try present(node).map(text) }

    fileprivate static func date(_ node: Node) throws -> CalendarDate {
        guard let date = CalendarDate(try text(node).trimmingWhitespace()) else { throw NotPlain() }
        return date
    }

    fileprivate static func optionalDate(_ node: Node?) throws -> CalendarDate? { try present(node).map(date) }

    fileprivate static func optionalInt(_ node: Node?) throws -> Int? { try present(node).map { try constructed($0, Int.self) } }

    /// A scalar as Yams makes the type from it (what counts as a number or a boolean is Yams' decision, as in Codable).
    fileprivate static func constructed<T: ScalarConstructible>(_ node: Node, _ type: T.Type) throws -> T {
        guard case .scalar(let scalar) = node, let value = T.construct(from: scalar) else { throw NotPlain() }
        return value
    }

    /// One text or a list of texts (`phone: 010-1` or `phone: [010-1, 010-2]`), [] when left out.
    fileprivate static func texts(_ node: Node?) throws -> [String] {
        switch present(node) {
        case nil: return []
        case .scalar(let scalar)?: return [scalar.string]
        case .sequence(let items)?: return try items.map(text)
        case .mapping?, .alias?: throw NotPlain()
        }
    }

    /// A list of mappings, [] when left out.
    fileprivate static func list<T>(_ node: Node?, _ names: [String], _ make: ([Node?]) throws -> T) throws -> [T] {
        guard let node = present(node) else { return [] }
        guard case .sequence(let items) = node else { throw NotPlain() }
        return try items.map { try make(try values(of: $0, names)) }
    }

    fileprivate static func optionalMap<T>(_ node: Node?, _ names: [String], _ make: ([Node?]) throws -> T) throws -> T? {
        try present(node).map { try make(try values(of: $0, names)) }
    }

    fileprivate static func parsed<T>(_ node: Node, _ make: (String) -> T?) throws -> T {
        guard let value = make(try text(node)) else { throw NotPlain() }
        return value
    }
}

private typealias R = NoticeFieldsReader

private extension NoticeFields {
    /// `v` holds the values of `NoticeFieldsReader.top`, in that order.
    init(_ v: [Node?]) throws {
        self.init(title: try R.text(try R.required(v[0])), org: try R.text(try R.required(v[1])), date: try R.date(try R.required(v[2])),
                  slug: try R.optionalText(v[3]), column: try R.optionalText(v[4]), summary: try R.optionalText(v[5]))
        documentNumber = try R.optionalText(v[6]); indexNumber = try R.optionalText(v[7]); publisher = try R.optionalText(v[8])
        writtenDate = try R.optionalDate(v[9])
        topic = try R.optionalText(v[10]); disclosureMode = try R.optionalText(v[11]); disclosureScope = try R.optionalText(v[12])
        inspection = try R.optionalMap(v[13], R.inspection) { i in
            Inspection(id: try R.optionalText(i[0]), round: try R.optionalText(i[1]), group: try R.optionalText(i[2]),
                       target: try R.optionalText(i[3]), start: try R.optionalDate(i[4]), end: try R.optionalDate(i[5]),
                       feedback: try R.optionalDate(i[6]))
        }
        problems = try R.list(v[14], R.problem) { p in
            Problem(title: try R.text(try R.required(p[0])), category: try R.optionalText(p[1]),
                    status: try R.parsed(try R.required(p[2]), ProblemStatus.init(text:)), owner: try R.optionalText(p[3]),
                    due: try R.optionalDate(p[4]))
        }
        stats = try R.optionalMap(v[15], R.stats) { s in
            ProgressStats(total: try R.optionalInt(s[0]), done: try R.optionalInt(s[1]), partial: try R.optionalInt(s[2]),
                          ongoing: try R.optionalInt(s[3]), notStarted: try R.optionalInt(s[4]))
        }
        contact = try R.optionalMap(v[16], R.contact) { c in
            Contact(phone: try R.texts(c[0]), email: try R.optionalText(c[1]), address: try R.optionalText(c[2]),
                    postcode: try R.optionalText(c[3]), envelope: try R.optionalText(c[4]))
        }
        signature = try R.optionalMap(v[17], R.signature) { Signature(org: try R.optionalText($0[0]), date: try R.optionalDate($0[1])) }
        if let draft = R.present(v[18]) { self.draft = try R.constructed(draft, Bool.self) }
        time = try R.present(v[19]).map { try R.parsed($0) { Moment.minute(of: $0.trimmingWhitespace()).map(TimeOfDay.init(minute:)) } }
        review = try R.optionalMap(v[20], R.review) { r in
            Review(drafter: try R.optionalText(r[0]), reviewer: try R.optionalText(r[1]), approver: try R.optionalText(r[2]),
                   approved: try R.optionalDate(r[3]))
        }
        period = try R.optionalMap(v[21], R.period) {
            DisclosurePeriod(start: try R.date(try R.required($0[0])), end: try R.date(try R.required($0[1])))
        }
        withdrawn = try R.optionalMap(v[22], R.withdrawal) {
            Withdrawal(date: try R.date(try R.required($0[0])), reason: try R.text(try R.required($0[1])))
        }
        corrections = try R.list(v[23], R.correction) {
            Correction(date: try R.date(try R.required($0[0])), note: try R.text(try R.required($0[1])))
        }
        if let kind = R.present(v[24]) { self.kind = try R.parsed(kind, NoticeKind.init(text:)) }
        groups = try R.list(v[25], R.group) { g in
            InspectionGroup(name: try R.text(try R.required(g[0])), targets: try R.texts(g[1]), phone: try R.texts(g[2]),
                            email: try R.optionalText(g[3]), mailbox: try R.optionalText(g[4]), address: try R.optionalText(g[5]),
                            postcode: try R.optionalText(g[6]), hours: try R.optionalText(g[7]))
        }
        lettersUntil = try R.optionalDate(v[26])
    }
}
