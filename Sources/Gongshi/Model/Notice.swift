/// The inspection (巡察) a notice answers.
public struct Inspection: Sendable, Hashable, Codable {
    /// 十届区委第二轮巡察
    public var round: String?
    /// 区委第二巡察组
    public var group: String
    /// The inspected organization.
    public var target: String?
    public var start: CalendarDate?
    public var end: CalendarDate?
    /// The day the group gave its feedback.
    public var feedback: CalendarDate?

    public init(round: String? = nil, group: String, target: String? = nil,
                start: CalendarDate? = nil, end: CalendarDate? = nil, feedback: CalendarDate? = nil) {
        self.round = round; self.group = group; self.target = target
        self.start = start; self.end = end; self.feedback = feedback
    }
}

/// One problem raised by the inspection group and how far its rectification has come.
public struct Problem: Sendable, Hashable, Codable {
    public var title: String
    /// The category / 方面 it belongs to.
    public var category: String?
    public var status: ProblemStatus
    /// Responsible department.
    public var owner: String?
    public var due: CalendarDate?

    public init(title: String, category: String? = nil, status: ProblemStatus, owner: String? = nil, due: CalendarDate? = nil) {
        self.title = title; self.category = category; self.status = status; self.owner = owner; self.due = due
    }
}

/// Counts as a notice reports them ("反馈的28个问题，已完成整改18项，其余10项已取得阶段性成效").
public struct ProgressStats: Sendable, Hashable, Codable {
    public var total: Int?
    public var done: Int?
    public var partial: Int?
    public var ongoing: Int?

    public init(total: Int? = nil, done: Int? = nil, partial: Int? = nil, ongoing: Int? = nil) {
        self.total = total; self.done = done; self.partial = partial; self.ongoing = ongoing
    }
}

/// Channels through which the public can give feedback (监督与反馈).
public struct Contact: Sendable, Hashable, Codable {
    public var phone: [String]
    public var email: String?
    public var address: String?
    public var postcode: String?
    /// What to write on the envelope.
    public var envelope: String?

    public init(phone: [String] = [], email: String? = nil, address: String? = nil, postcode: String? = nil, envelope: String? = nil) {
        self.phone = phone; self.email = email; self.address = address; self.postcode = postcode; self.envelope = envelope
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case phone, email, address, postcode, envelope }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let many = try? c.decodeIfPresent([String].self, forKey: .phone) {
            phone = many
        } else if let one = try c.decodeIfPresent(String.self, forKey: .phone) {
            phone = [one]
        } else {
            phone = []
        }
        email = try c.decodeIfPresent(String.self, forKey: .email)
        address = try c.decodeIfPresent(String.self, forKey: .address)
        postcode = try c.decodeIfPresent(String.self, forKey: .postcode)
        envelope = try c.decodeIfPresent(String.self, forKey: .envelope)
    }

    /// True when no channel at all is given.
    public var isEmpty: Bool { phone.isEmpty && email == nil && address == nil }
}

/// The closing signature: organization and date.
public struct Signature: Sendable, Hashable, Codable {
    public var org: String?
    public var date: CalendarDate?
    public init(org: String? = nil, date: CalendarDate? = nil) { self.org = org; self.date = date }
}

/// One disclosure notice: its front matter, decoded, and its Markdown body.
public struct Notice: Sendable, Hashable {
    /// Path relative to the site folder, e.g. `content/notices/a.md`.
    public var sourcePath: String
    public var title: String
    public var org: String
    public var date: CalendarDate
    public var slug: String
    public var column: String
    public var summary: String?
    public var inspection: Inspection?
    public var problems: [Problem]
    public var stats: ProgressStats?
    /// The notice's own contact, or the site's when the notice has none.
    public var contact: Contact?
    public var signature: Signature
    /// Markdown text after the front matter.
    public var body: String
    /// Line in the source file where the body starts (1-based).
    public var bodyStartLine: Int
    /// Where each front-matter field stands in the source, for messages about it.
    public var positions: SourcePositions = SourcePositions()
    /// The front matter as written (between the `---` lines), starting on file line 2.
    public var frontMatterText: String = ""
    /// Digest of the source file's bytes: the build cache reuses what it knows about an unchanged file.
    public var sourceDigest: UInt64 = 0
    /// False when `body` and `frontMatterText` are not held (a build reads them when it needs them, see
    /// `NoticeLoader`); `positions` is then empty too, unless the notice was just decoded.
    public internal(set) var hasTexts = true
    /// False when only the summary is held (a notice from the build cache): `inspection`, `problems`, `stats`,
    /// `contact` and `signature` are then empty and `progress` is the one recorded.
    public internal(set) var hasDetails = true
    var recordedProgress: Progress?

    public init(sourcePath: String, title: String, org: String, date: CalendarDate, slug: String, column: String,
                summary: String? = nil, inspection: Inspection? = nil, problems: [Problem] = [], stats: ProgressStats? = nil,
                contact: Contact? = nil, signature: Signature? = nil, body: String = "", bodyStartLine: Int = 1) {
        self.sourcePath = sourcePath; self.title = title; self.org = org; self.date = date; self.slug = slug
        self.column = column; self.summary = summary; self.inspection = inspection; self.problems = problems
        self.stats = stats; self.contact = contact
        self.signature = Signature(org: signature?.org ?? org, date: signature?.date ?? date)
        self.body = body; self.bodyStartLine = bodyStartLine
    }

    /// Drops the body, front-matter text and (unless kept) field positions: only the checks need them, and a
    /// page reads its body again. 10,000 notices hold 120 MB of text.
    public mutating func dropTexts(keepingPositions: Bool = false) {
        body = ""
        frontMatterText = ""
        if !keepingPositions { positions = SourcePositions() }
        hasTexts = false
    }

    /// Rectification progress: counted from the problem list when there is one, otherwise from stats.
    public var progress: Progress? { hasDetails ? Progress(problems: problems, stats: stats) : recordedProgress }
}

/// What the build cache reads of every notice on every build: what lists, archives, the overview, the search
/// index and the page keys need.
struct NoticeSummary: Codable, Sendable {
    var sourcePath, title, org: String
    var date: CalendarDate
    var slug, column: String
    var summary: String?
    var bodyStartLine: Int
    var sourceDigest: UInt64
    var progress: Progress?
}

/// The rest of a notice's front matter: the build cache reads it only for notices whose page is made again.
public struct NoticeDetails: Codable, Sendable, Equatable {
    var inspection: Inspection?
    var problems: [Problem]
    var stats: ProgressStats?
    var contact: Contact?
    var signature: Signature
}

extension Notice {
    /// A notice as the build cache summarizes it: without texts and details.
    init(summary s: NoticeSummary) {
        self.init(sourcePath: s.sourcePath, title: s.title, org: s.org, date: s.date, slug: s.slug, column: s.column,
                  summary: s.summary, bodyStartLine: s.bodyStartLine)
        sourceDigest = s.sourceDigest
        recordedProgress = s.progress
        hasTexts = false
        hasDetails = false
    }

    var summaryRecord: NoticeSummary {
        NoticeSummary(sourcePath: sourcePath, title: title, org: org, date: date, slug: slug, column: column, summary: summary,
                      bodyStartLine: bodyStartLine, sourceDigest: sourceDigest, progress: progress)
    }

    /// Only meaningful when `hasDetails`.
    var details: NoticeDetails {
        NoticeDetails(inspection: inspection, problems: problems, stats: stats, contact: contact, signature: signature)
    }

    /// Gives a summarized notice its details back.
    mutating func fill(_ details: NoticeDetails) {
        inspection = details.inspection; problems = details.problems; stats = details.stats
        contact = details.contact; signature = details.signature
        hasDetails = true
    }
}

/// File line and column of each front-matter key, by dotted path: `title`, `inspection.start`, `problems[2].status`.
/// Kept as one string of `path:line:column` lines rather than a dictionary: a notice has dozens of keys and a
/// large site holds all of them until the checks are done (a dictionary of small strings took ~4.6 KB per notice).
/// The checks look up a handful of paths per notice.
public struct SourcePositions: Sendable, Hashable {
    private var entries = ""
    public init() {}

    /// Records where `path` stands; a later record of the same path wins. (A key holding a line break or U+001F is
    /// not recorded: messages about it point at the field above it.)
    public mutating func record(_ path: String, line: Int, column: Int) {
        guard !path.utf8.contains(where: { $0 == UInt8(ascii: "\n") || $0 == 0x1F }) else { return }
        entries += "\(path)\u{1F}\(line)\u{1F}\(column)\n"
    }

    public subscript(path: String) -> SourcePosition? {
        var found: SourcePosition?
        for entry in entries.utf8.split(separator: UInt8(ascii: "\n")) {
            let parts = entry.split(separator: 0x1F, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].elementsEqual(path.utf8),
                  let line = Int(Substring(parts[1])), let column = Int(Substring(parts[2])) else { continue }
            found = SourcePosition(line: line, column: column)
        }
        return found
    }
}

public struct SourcePosition: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
}
