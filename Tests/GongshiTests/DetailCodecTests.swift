import Foundation
import Testing
@testable import GongshiBuild
@testable import GongshiContent
@testable import GongshiCore

/// The cache keeps each notice's front matter field by field (`DetailCodec`) and every page reads it back from there:
/// what comes back must be what went in, cut or padded bytes must be refused (the notice is then decoded from its file
/// again), and a field added to a model must not be left out of the form unnoticed.
@Suite("Cache details form")
struct DetailCodecTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

    /// Front matter with every optional part present, lists of more than one and numbers at the edges.
    static var fullFields: NoticeFields {
        var f = NoticeFields(title: "关于巡察整改情况的通报", org: "区教育局党组", date: day(2025, 3, 1), slug: "quan", column: "巡察整改",
                             summary: "摘要",
                             inspection: Inspection(id: "2025-xuncha", round: "十届区委第二轮巡察", group: "第一巡察组", target: "区教育局党组",
                                                    start: day(2024, 9, 1), end: day(2024, 10, 31), feedback: day(2024, 12, 20)),
                             problems: [Problem(title: "问题一", category: "党的建设", status: .partial, owner: "办公室", due: day(2025, 6, 30)),
                                        Problem(title: "", status: .notStarted)],
                             stats: ProgressStats(total: 12, done: 0, partial: -1, ongoing: Int.max, notStarted: Int.min),
                             contact: Contact(phone: ["010-1", "010-2"], email: "a@b.cn", address: "某路1号", postcode: "100000", envelope: "注明“巡察整改”"),
                             signature: Signature(org: "中共某区教育局党组", date: day(2025, 2, 28)), draft: true, time: TimeOfDay(minute: 1439),
                             review: Review(drafter: "甲", reviewer: "乙", approver: "丙", approved: day(2025, 2, 27)),
                             period: DisclosurePeriod(start: day(2025, 3, 1), end: day(2025, 3, 10)),
                             withdrawn: Withdrawal(date: day(2025, 4, 1), reason: "内容有误"),
                             corrections: [Correction(date: day(2025, 3, 5), note: "更正一"), Correction(date: day(2025, 3, 6), note: "")],
                             kind: .announcement,
                             groups: [InspectionGroup(name: "第一巡察组", targets: ["甲", "乙"], phone: ["010-1"], email: "a@b.cn", mailbox: "第201号邮政信箱",
                                                      address: "某路1号", postcode: "100000", hours: "工作日"),
                                      InspectionGroup(name: "第二巡察组", targets: [])],
                             lettersUntil: day(2025, 1, 20))
        f.documentNumber = "区教党〔2025〕1号"; f.indexNumber = "000-2025-001"; f.publisher = "区教育局"; f.writtenDate = day(2025, 2, 28)
        f.topic = "党务公开"; f.disclosureMode = "主动公开"; f.disclosureScope = "面向社会"
        return f
    }

    @Test func exampleSiteFrontMatterAndAFullOneComeBackTheSame() throws {
        let (content, _) = SiteLoader.load(SiteLayout(root: repositoryRoot))
        let fields = try #require(content).notices.map(\.notice.fields)
        #expect(fields.count > 10)
        #expect(fields.contains { !$0.groups.isEmpty } && fields.contains { !$0.problems.isEmpty } && fields.contains { $0.contact != nil })
        for value in fields + [Self.fullFields, NoticeFields(title: "", org: "", date: Self.day(2025, 1, 1))] {
            #expect(try DetailCodec.decode(DetailCodec.encode(value)) == value, "\(value.title)")
        }
    }

    @Test func cutOrPaddedBytesAreRefused() throws {
        let data = DetailCodec.encode(Self.fullFields)
        for cut in [0, 1, 2, data.count / 2, data.count - 1] {
            #expect(throws: (any Error).self) { try DetailCodec.decode(data.prefix(cut)) }
        }
        #expect(throws: (any Error).self) { try DetailCodec.decode(data + [0]) }
        // A length beyond any Int (ten bytes of LEB128) is refused, not a crash.
        #expect(throws: (any Error).self) { try DetailCodec.decode(Data([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])) }
    }

    /// Every stored property of each type is in the form, in the order written (a property added to a model without
    /// being added to `DetailCodec` fails here).
    @Test func theFormHoldsEveryStoredProperty() {
        let f = Self.fullFields
        let samples: [(String, Any)] = [
            ("NoticeFields", f), ("Inspection", f.inspection!), ("Problem", f.problems[0]), ("ProgressStats", f.stats!),
            ("Contact", f.contact!), ("Signature", f.signature!), ("TimeOfDay", f.time!), ("Review", f.review!),
            ("DisclosurePeriod", f.period!), ("Withdrawal", f.withdrawn!), ("Correction", f.corrections[0]),
            ("InspectionGroup", f.groups[0]),
        ]
        #expect(Set(samples.map(\.0)) == Set(DetailCodec.fields.keys))
        for (name, sample) in samples {
            #expect(Mirror(reflecting: sample).children.map { $0.label ?? "?" } == DetailCodec.fields[name], "\(name)")
        }
    }
}
