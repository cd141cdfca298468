import Foundation
import Testing
@testable import GongshiBuild
@testable import GongshiContent
@testable import GongshiCore

/// The cache's notice entries are written and read field by field (`EntryCodec`): what comes back must be what went
/// in, a cut or padded part must be refused (the cache is then not used), and a field added to a model must not be
/// left out of the form unnoticed.
@Suite("Cache entry form")
struct EntryCodecTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

    /// A summary with every optional part present and numbers at the edges.
    static var fullSummary: NoticeSummary {
        var s = NoticeSummary(sourcePath: "content/notices/全.md", sourceDigest: .max, title: "关于巡察整改情况的通报", org: "区教育局党组",
                              date: day(2025, 3, 1), slug: "quan", column: "巡察整改", abstract: "摘要",
                              progress: RectificationProgress(total: 12, done: 5, partial: 3, ongoing: 2, notStarted: 1))
        s.draft = true
        s.publishAt = Moment(date: day(2025, 3, 2), minute: 1439)
        s.withdrawn = Withdrawal(date: day(2025, 4, 1), reason: "内容有误")
        s.corrected = day(2025, 3, 5)
        s.periodEnd = day(2025, 3, 10)
        s.openDues = [OpenDue(number: 1, title: "问题一", due: day(2025, 6, 30), line: 40), OpenDue(number: 2, title: "", due: day(2025, 7, 1), line: 0)]
        s.kind = .announcement
        s.inspection = InspectionRef(id: "2025-xuncha", round: "十届区委第二轮巡察", group: "第一巡察组", target: "区教育局党组",
                                     feedback: day(2024, 12, 20), line: 7, feedbackLine: -1)
        s.announcement = Announcement(groups: [InspectionGroup(name: "第一巡察组", targets: ["甲", "乙"], phone: ["010-1", "010-2"], email: "a@b.cn",
                                                               mailbox: "第201号邮政信箱", address: "某路1号", postcode: "100000", hours: "工作日"),
                                               InspectionGroup(name: "第二巡察组", targets: [])], lettersUntil: day(2025, 1, 20))
        s.register = RegisterFields(indexNumber: "000-2025-001", documentNumber: "区教党〔2025〕1号", publisher: "区教育局",
                                    writtenDate: day(2025, 2, 28), indexNumberLine: 3)
        return s
    }

    static func entry(_ summary: NoticeSummary) -> BuildCache.StoredEntry {
        BuildCache.StoredEntry(summary: summary,
                               loadDiagnostics: [.warning("未知字段“foo”", file: summary.sourcePath, line: 4, column: 1, hint: "删去它")],
                               checkKey: 0x8000_0000_0000_0001,
                               checkDiagnostics: [.error("链接的页面不存在", file: summary.sourcePath, line: 30, column: 12)],
                               links: ["../a/", "/files/x.pdf"],
                               file: FileStamp(size: 1234, modified: -5, changed: Int64.max, inode: .max),
                               detailOffset: 0, detailLength: 987_654)
    }

    @Test func exampleSiteEntriesAndAFullOneComeBackTheSame() throws {
        let (content, _) = SiteLoader.load(SiteLayout(root: repositoryRoot))
        let summaries = try #require(content).notices.map(\.notice.summary)
        #expect(summaries.count > 10)
        #expect(summaries.contains { $0.announcement != nil } && summaries.contains { $0.inspection != nil })
        var entries = summaries.map(Self.entry) + [Self.entry(Self.fullSummary)]
        entries[0].file = nil
        entries[0].loadDiagnostics = []
        #expect(try EntryCodec.decode(EntryCodec.encode(entries)) == entries)
        #expect(try EntryCodec.decode(EntryCodec.encode([])) == [])
    }

    @Test func aCutOrPaddedPartIsRefused() throws {
        let data = EntryCodec.encode([Self.entry(Self.fullSummary)])
        for cut in [1, 2, data.count / 2, data.count - 1] {
            #expect(throws: (any Error).self) { try EntryCodec.decode(data.prefix(cut)) }
        }
        #expect(throws: (any Error).self) { try EntryCodec.decode(data + [0]) }
    }

    /// Every stored property of each type is in the form, in the order written (a property added to a model without
    /// being added to `EntryCodec` fails here).
    @Test func theFormHoldsEveryStoredProperty() {
        let s = Self.fullSummary
        let samples: [(String, Any)] = [
            ("StoredEntry", Self.entry(s)), ("NoticeSummary", s), ("CalendarDate", s.date), ("Moment", s.publishAt),
            ("RectificationProgress", s.progress!), ("Withdrawal", s.withdrawn!), ("OpenDue", s.openDues[0]),
            ("InspectionRef", s.inspection!), ("Announcement", s.announcement!), ("InspectionGroup", s.announcement!.groups[0]),
            ("RegisterFields", s.register!), ("Diagnostic", Self.entry(s).loadDiagnostics[0]),
            ("FileStamp", Self.entry(s).file!),
        ]
        #expect(Set(samples.map(\.0)) == Set(EntryCodec.fields.keys))
        for (name, sample) in samples {
            #expect(Mirror(reflecting: sample).children.map { $0.label ?? "?" } == EntryCodec.fields[name], "\(name)")
        }
    }
}
