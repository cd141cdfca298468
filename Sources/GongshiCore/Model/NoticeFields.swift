/// A notice's front matter as the clerk wrote it (docs/content-format.md). Adding a field: declare it here, decode
/// it in `init(from:)`, list it in `Schema.notice` below and in the build cache's form (GongshiBuild's `DetailCodec`:
/// a test fails until it is there); then show it in the notice view (GongshiRender's NoticeViews.swift), the template
/// and `gongshi new`'s scaffold (docs/architecture.md has the recipe).
import Foundation
public struct NoticeFields: Sendable, Hashable, Codable {
    public var title: String
    public var org: String
    public var date: CalendarDate
    public var slug: String?
    public var column: String?
    public var summary: String?
    /// 文号, e.g. 教工委〔2025〕3号.
    public var documentNumber: String?
    /// 索引号: written once by `gongshi new` / `import` from the site's pattern and never changed.
    public var indexNumber: String?
    /// 发布机构 (default: the site's, else `org`).
    public var publisher: String?
    /// 成文日期 (default: the signature's date).
    public var writtenDate: CalendarDate?
    /// 主题分类
    public var topic: String?
    /// 公开方式 (default 主动公开) and 公开范围 (default 面向社会).
    public var disclosureMode: String?
    public var disclosureScope: String?
    public var inspection: Inspection?
    public var problems: [Problem]
    public var stats: ProgressStats?
    public var contact: Contact?
    public var signature: Signature?
    /// 草稿: left out of `build`, shown with a banner by `serve`.
    public var draft: Bool
    /// Time of day the notice goes out on `date` (default 00:00).
    public var time: TimeOfDay?
    public var review: Review?
    /// 公示期
    public var period: DisclosurePeriod?
    public var withdrawn: Withdrawal?
    public var corrections: [Correction]
    /// 巡察公告, 反馈情况, 整改情况 (the default) or 回头看.
    public var kind: NoticeKind
    /// An announcement's inspection groups, each with its units and contacts.
    public var groups: [InspectionGroup]
    /// An announcement's last day letters are accepted (来信来电受理截止日期).
    public var lettersUntil: CalendarDate?

    public init(title: String, org: String, date: CalendarDate, slug: String? = nil, column: String? = nil,
                summary: String? = nil, inspection: Inspection? = nil, problems: [Problem] = [], stats: ProgressStats? = nil,
                contact: Contact? = nil, signature: Signature? = nil, draft: Bool = false, time: TimeOfDay? = nil,
                review: Review? = nil, period: DisclosurePeriod? = nil, withdrawn: Withdrawal? = nil, corrections: [Correction] = [],
                kind: NoticeKind = .rectification, groups: [InspectionGroup] = [], lettersUntil: CalendarDate? = nil) {
        self.title = title; self.org = org; self.date = date; self.slug = slug; self.column = column
        self.summary = summary; self.inspection = inspection; self.problems = problems; self.stats = stats
        self.contact = contact; self.signature = signature
        self.draft = draft; self.time = time; self.review = review; self.period = period; self.withdrawn = withdrawn
        self.corrections = corrections
        self.kind = kind; self.groups = groups; self.lettersUntil = lettersUntil
    }

    enum CodingKeys: String, CodingKey {
        case title, org, date, slug, column, summary, documentNumber, indexNumber, publisher, writtenDate, topic
        case disclosureMode, disclosureScope, inspection, problems, stats, contact, signature
        case draft, time, review, period, withdrawn, corrections, kind, groups, lettersUntil
    }

    /// Decodes every field even when some are wrong, so each broken field gets its own message: the errors are thrown
    /// together as `FieldErrors`, which also carries what did decode.
    public init(from decoder: Decoder) throws {
        var fields = FieldDecoder(try decoder.container(keyedBy: CodingKeys.self))
        title = fields.required(String.self, .title) ?? ""
        org = fields.required(String.self, .org) ?? ""
        date = fields.required(CalendarDate.self, .date) ?? CalendarDate(year: 1970, month: 1, day: 1)!
        slug = fields.optional(String.self, .slug)
        column = fields.optional(String.self, .column)
        summary = fields.optional(String.self, .summary)
        documentNumber = fields.optional(String.self, .documentNumber)
        indexNumber = fields.optional(String.self, .indexNumber)
        publisher = fields.optional(String.self, .publisher)
        writtenDate = fields.optional(CalendarDate.self, .writtenDate)
        topic = fields.optional(String.self, .topic)
        disclosureMode = fields.optional(String.self, .disclosureMode)
        disclosureScope = fields.optional(String.self, .disclosureScope)
        inspection = fields.optional(Inspection.self, .inspection)
        problems = fields.optional([Problem].self, .problems) ?? []
        stats = fields.optional(ProgressStats.self, .stats)
        contact = fields.optional(Contact.self, .contact)
        signature = fields.optional(Signature.self, .signature)
        draft = fields.optional(Bool.self, .draft) ?? false
        time = fields.optional(TimeOfDay.self, .time)
        review = fields.optional(Review.self, .review)
        period = fields.optional(DisclosurePeriod.self, .period)
        withdrawn = fields.optional(Withdrawal.self, .withdrawn)
        corrections = fields.optional([Correction].self, .corrections) ?? []
        kind = fields.optional(NoticeKind.self, .kind) ?? .rectification
        groups = fields.optional([InspectionGroup].self, .groups) ?? []
        lettersUntil = fields.optional(CalendarDate.self, .lettersUntil)
        try fields.finish(partial: self)
    }
}

extension Schema {
    /// Which keys a notice's front matter may have (unknown and missing keys are reported with their lines).
    public static let notice: Schema = .map([
        "title": required(.value), "org": required(.value), "date": required(.value),
        "slug": optional(.value), "column": optional(.value), "summary": optional(.value), "documentNumber": optional(.value),
        "indexNumber": optional(.value), "publisher": optional(.value), "writtenDate": optional(.value), "topic": optional(.value),
        "disclosureMode": optional(.value), "disclosureScope": optional(.value),
        "kind": optional(.value),
        "inspection": optional(.map([
            "id": optional(.value), "round": optional(.value), "group": optional(.value), "target": optional(.value),
            "start": optional(.value), "end": optional(.value), "feedback": optional(.value),
        ])),
        "problems": optional(.list(.map([
            "title": required(.value), "category": optional(.value), "status": required(.value),
            "owner": optional(.value), "due": optional(.value),
        ]))),
        "stats": optional(.map([
            "total": optional(.value), "done": optional(.value), "partial": optional(.value), "ongoing": optional(.value),
            "notStarted": optional(.value),
        ])),
        "contact": optional(contact),
        "signature": optional(.map(["org": optional(.value), "date": optional(.value)])),
        "draft": optional(.value), "time": optional(.value),
        "review": optional(.map([
            "drafter": optional(.value), "reviewer": optional(.value), "approver": optional(.value), "approved": optional(.value),
        ])),
        "period": optional(.map(["start": required(.value), "end": required(.value)])),
        "withdrawn": optional(.map(["date": required(.value), "reason": required(.value)])),
        "corrections": optional(.list(.map(["date": required(.value), "note": required(.value)]))),
        "groups": optional(.list(.map([
            "name": required(.value), "targets": required(.valueOrList), "phone": optional(.valueOrList),
            "email": optional(.value), "mailbox": optional(.value), "address": optional(.value), "postcode": optional(.value),
            "hours": optional(.value),
        ]))),
        "lettersUntil": optional(.value),
    ])
}

/// Every field of a value that failed to decode, and the value with those fields left at their defaults.
public struct FieldErrors: Error, @unchecked Sendable {
    public var errors: [Error]
    public var partial: Any
}

/// Decodes the fields of one keyed container, collecting errors instead of stopping at the first.
struct FieldDecoder<Key: CodingKey> {
    let container: KeyedDecodingContainer<Key>
    private(set) var errors: [Error] = []

    init(_ container: KeyedDecodingContainer<Key>) { self.container = container }

    mutating func required<T: Decodable>(_ type: T.Type, _ key: Key) -> T? {
        do { return try container.decode(type, forKey: key) } catch { errors.append(error); return nil }
    }

    mutating func optional<T: Decodable>(_ type: T.Type, _ key: Key) -> T? {
        do { return try container.decodeIfPresent(type, forKey: key) } catch { errors.append(error); return nil }
    }

    func finish(partial: Any) throws {
        if !errors.isEmpty { throw FieldErrors(errors: errors, partial: partial) }
    }
}
