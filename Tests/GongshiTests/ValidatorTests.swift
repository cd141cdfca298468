import Foundation
import Testing
@testable import GongshiCore
@testable import GongshiMarkdown
@testable import GongshiContent
@testable import GongshiRender
@testable import GongshiOutput
@testable import GongshiBuild
@testable import GongshiAuthoring

@Suite("Validation across fields and notices")
struct ValidatorTests {
    let site = SiteConfig(title: "测试", contact: Contact(phone: ["010-1"]))

    func warnings(_ extra: String, date: String = "2025-07-28") throws -> [Diagnostic] {
        let (notice, diagnostics) = NoticeLoader.decode(data: Data(noticeText(date: date, extra: extra).utf8), path: "content/notices/test.md",
                                                        defaultColumn: SiteConfig.standardColumn)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return Validator.fieldChecks(try #require(notice), site: site)
    }

    @Test func cleanNoticeHasNoWarnings() throws {
        #expect(try warnings("inspection:\n  group: 组\n  start: 2024-12-05\n  end: 2025-01-24\n  feedback: 2025-03-11").isEmpty)
    }

    @Test func datesOutOfOrderAreWarnedAtTheirLines() throws {
        let found = try warnings("inspection:\n  group: 组\n  start: 2025-02-05\n  end: 2025-01-24\n  feedback: 2025-01-11",
                                 date: "2025-01-01")
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(found.map(\.line).sorted() == [4, 7, 9])
        #expect(found.contains { $0.message.contains("开始日期") })
        #expect(found.contains { $0.message.contains("反馈日期") })
        #expect(found.contains { $0.message.contains("发布日期") })
    }

    @Test func statsThatDoNotAddUpAreWarned() throws {
        let found = try warnings("stats:\n  total: 28\n  done: 18\n  partial: 5")
        #expect(found.count == 1)
        #expect(found[0].line == 6)
        #expect(found[0].message.contains("23"))
    }

    @Test func statsThatContradictTheProblemListAreWarned() throws {
        let found = try warnings("problems:\n  - title: 甲\n    status: done\nstats:\n  total: 5\n  done: 1")
        #expect(found.contains { $0.message.contains("problems") && $0.line == 9 })
    }

    @Test func noFeedbackChannelAnywhereIsWarned() throws {
        let (notice, _) = NoticeLoader.decode(data: Data(noticeText().utf8), path: "content/notices/test.md", defaultColumn: SiteConfig.standardColumn)
        let found = Validator.fieldChecks(try #require(notice), site: SiteConfig(title: "无联系方式"))
        #expect(found.count == 1)
        #expect(found[0].message.contains("反馈渠道"))
    }

    @Test func duplicateSlugsAreErrorsInBothFiles() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText(extra: "slug: same"))
        try site.notice("b.md", noticeText(extra: "slug: same"))
        let errors = site.failingBuild().errors
        #expect(errors.count == 2)
        #expect(Set(errors.map(\.file)) == ["content/notices/a.md", "content/notices/b.md"])
        #expect(errors.allSatisfy { $0.line == 5 && $0.message.contains("same") })
    }
}
