import Foundation
import Testing
@testable import GongshiCore
@testable import GongshiContent
@testable import GongshiBuild
@testable import GongshiServe

/// Publishing as an office does (issue 14): drafts, sign-off, scheduled and time-limited notices, withdrawals,
/// corrections and overdue problems, through the executable where a clerk would meet them.
@Suite("Drafts, sign-off, scheduling, withdrawal, corrections, overdue problems")
struct PublishingTests {
    /// A site with one notice of each kind, as of 2026-11-23.
    static func storySite() throws -> TempSite {
        let site = try TempSite()
        try site.notice("out.md", noticeText(title: "已发布单位关于巡察整改情况的通报", date: "2026-11-01",
                                             extra: "problems:\n  - title: 台账不全\n    status: ongoing\n    due: 2026-10-31\n  - title: 制度未修订\n    status: 未完成\n    due: 2027-01-31",
                                             body: "另见[撤回的通报](gone.md)。"))
        try site.notice("draft.md", noticeText(title: "草稿单位关于巡察整改情况的通报", date: "2026-11-20", extra: "draft: true"))
        try site.notice("later.md", noticeText(title: "定时单位关于巡察整改情况的通报", date: "2026-12-01", extra: "time: \"09:30\""))
        try site.notice("gone.md", noticeText(title: "撤回单位关于巡察整改情况的通报", date: "2026-10-01",
                                              extra: "withdrawn:\n  date: 2026-10-03\n  reason: 数字有误，更正后重新发布"))
        return site
    }

    /// Every output file that lists notices: lists, feed, sitemap, search shards.
    static func listings(_ output: URL) -> String {
        snapshot(output).filter { path, _ in
            !path.hasPrefix("notices/") && (path.hasSuffix(".html") || path.hasSuffix(".xml") || path.hasSuffix(".json"))
        }.values.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }

    @Test func draftsScheduledAndWithdrawnNoticesAreInNoListAndTheWithdrawnPageStays() throws {
        let site = try Self.storySite()
        defer { site.remove() }
        let result = try runGongshi(["build", "--site", site.root.path, "--now", "2026-11-23 09:00"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("有 1 篇草稿没有发布") || result.stderr.contains("有 1 篇草稿没有发布"))
        #expect((result.stdout + result.stderr).contains("将于 2026-12-01 09:30 发布"))
        let listings = Self.listings(site.output)
        #expect(listings.contains("已发布单位"))
        for hidden in ["草稿单位", "定时单位", "撤回单位", "notices/draft/", "notices/later/", "notices/gone/"] {
            #expect(!listings.contains(hidden), "\(hidden) is listed")
        }
        let files = snapshot(site.output).keys
        #expect(!files.contains("notices/draft/index.html"))
        #expect(!files.contains("notices/later/index.html"))
        let gone = try site.read("notices/gone/index.html")
        #expect(gone.contains("本通知已于<time datetime=\"2026-10-03\">2026年10月3日</time>撤回"))
        #expect(gone.contains("撤回原因：数字有误，更正后重新发布"))
        #expect(gone.contains("<meta name=\"robots\" content=\"noindex\">"))
        // The published notice links to the withdrawn one: the link still works, and the clerk is warned.
        #expect(try site.read("notices/out/index.html").contains("href=\"../gone/\""))
        #expect((result.stdout + result.stderr).contains("指向已撤回的通知"))
    }

    @Test func aScheduledNoticeGoesOutOnceItsTimeHasComeWithoutAnyEdit() throws {
        let site = try Self.storySite()
        defer { site.remove() }
        #expect(try runGongshi(["build", "--site", site.root.path, "--now", "2026-12-01 09:29"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("notices/later/index.html").path))
        let result = try runGongshi(["build", "--site", site.root.path, "--now", "2026-12-01 09:30"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("输出已是最新"))
        #expect(try site.read("index.html").contains("定时单位"))
    }

    @Test func anEarlierReferenceTimeTakesAScheduledNoticeBackOut() throws {
        let site = try Self.storySite()
        defer { site.remove() }
        #expect(try runGongshi(["build", "--site", site.root.path, "--now", "2026-12-02"]).status == 0)
        #expect(try site.read("index.html").contains("定时单位"))
        let result = try runGongshi(["build", "--site", site.root.path, "--now", "2026-11-23"])
        #expect(!result.stdout.contains("输出已是最新"))
        #expect(!(try site.read("index.html")).contains("定时单位"))
    }

    @Test func overdueProblemsAreFlaggedOnThePageTheOverviewAndByCheck() throws {
        let site = try Self.storySite()
        defer { site.remove() }
        #expect(try runGongshi(["build", "--site", site.root.path, "--now", "2026-11-23"]).status == 0)
        let page = try site.read("notices/out/index.html")
        #expect(page.contains("<span class=\"status status-ongoing\">持续推进</span><span class=\"badge-overdue\">逾期</span>"))
        #expect(page.contains("<span class=\"status status-notStarted\">未完成</span></td>"), "not yet due: no badge")
        #expect(page.contains("未完成 1 个"))
        #expect(try site.read("overview/index.html").contains("（逾期）1 个"))
        let check = try runGongshi(["check", "--site", site.root.path, "--now", "2026-11-23"])
        #expect(check.stderr.contains("content/notices/out.md:8:1: 警告: 第 1 个问题“台账不全”已过整改时限（2026年10月31日）"), "\(check.stderr)")
        // The day before the time limit ends nothing is overdue.
        let early = try runGongshi(["check", "--site", site.root.path, "--now", "2026-10-31 23:59"])
        #expect(early.status == 0)
        #expect(!early.stderr.contains("逾期"))
    }

    @Test func requireApprovalRefusesAnUnapprovedNoticeAtItsLineAndKeepsTheOutput() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText(extra: "review:\n  drafter: 李华\n  approver: 张三\n  approved: 2025-07-27"))
        #expect(try runGongshi(["build", "--site", site.root.path, "--now", "2026-11-23"]).status == 0)
        let before = snapshot(site.output)
        try site.write("content/site.yaml", "title: 测试网站\nrequireApproval: true\n")
        try site.notice("b.md", noticeText(title: "待签发单位关于巡察整改情况的通报", extra: "review:\n  drafter: 李华\n  reviewer: 王强"))
        try site.notice("c.md", noticeText(title: "草稿单位关于巡察整改情况的通报", extra: "draft: true"))
        let result = try runGongshi(["build", "--site", site.root.path, "--now", "2026-11-23"])
        #expect(result.status == 1)
        let said = result.stdout + result.stderr
        #expect(said.contains("content/notices/b.md:5:1: 错误: 本站要求签发后才能发布"), "\(said)")
        #expect(said.contains("签发人（review.approver）和签发日期（review.approved）"))
        #expect(!said.split(separator: "\n").contains { $0.contains("c.md") && $0.contains("签发") }, "a draft needs no sign-off yet")
        #expect(snapshot(site.output) == before)
        let pending = try runGongshi(["check", "--site", site.root.path, "--pending"])
        #expect(pending.stdout.contains("content/notices/b.md：待签发单位关于巡察整改情况的通报：未签发（待签发；拟稿：李华；审核：王强）"))
        #expect(pending.stdout.contains("content/notices/c.md：草稿单位关于巡察整改情况的通报：草稿（待审核）"))
        #expect(!pending.stdout.contains("a.md"))
    }

    @Test func signOffStaysInternalUnlessTheSiteOptsIn() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText(extra: "review:\n  drafter: 李华\n  reviewer: 王强\n  approver: 张三\n  approved: 2025-07-27"))
        #expect(try runGongshi(["build", "--site", site.root.path, "--now", "2026-11-23"]).status == 0)
        #expect(!(try site.read("notices/a/index.html")).contains("李华"))
        try site.write("content/site.yaml", "title: 测试网站\nshowReview: true\n")
        #expect(try runGongshi(["build", "--site", site.root.path, "--now", "2026-11-23"]).status == 0)
        #expect(try site.read("notices/a/index.html").contains("<span>拟稿：李华</span><span>审核：王强</span><span>签发：张三</span><span>签发日期：2025年7月27日</span>"))
    }

    @Test func nowAndSourceDateEpochMakeBuildsByteIdentical() throws {
        let site = try Self.storySite()
        defer { site.remove() }
        let a = site.root.appendingPathComponent("a"), b = site.root.appendingPathComponent("b")
        #expect(try runGongshi(["build", "--site", site.root.path, "--output", a.path, "--now", "2026-11-23 09:00"]).status == 0)
        // 1795395600 is 2026-11-23 09:00 Beijing time.
        #expect(try runGongshi(["build", "--site", site.root.path, "--output", b.path], environment: ["SOURCE_DATE_EPOCH": "1795395600"]).status == 0)
        #expect(snapshot(a) == snapshot(b))
        #expect(Moment(secondsSince1970: 1_795_395_600) == Moment("2026-11-23 09:00"))
    }

    @Test func periodShowsAndSaysWhenItHasEnded() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText(date: "2026-11-16", extra: "period:\n  start: 2026-11-16\n  end: 2026-11-27"))
        #expect(try runGongshi(["build", "--site", site.root.path, "--now", "2026-11-27 18:00"]).status == 0)
        #expect(try site.read("notices/a/index.html").contains("2026年11月27日</time><span class=\"period-state\">（公示中）"))
        #expect(try runGongshi(["build", "--site", site.root.path, "--now", "2026-11-28"]).status == 0)
        let page = try site.read("notices/a/index.html")
        #expect(page.contains("（公示期已结束）"))
        #expect(try site.read("index.html").contains("notices/a/"), "an ended 公示 stays listed")
    }

    @Test func correctionsShowOnThePageAndMoveTheUpdatedTime() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.write("content/site.yaml", "title: 测试网站\nbaseURL: https://example.gov.cn/\n")
        try site.notice("a.md", noticeText(extra: "corrections:\n  - date: 2025-08-02\n    note: 第二段的数字已更正"))
        #expect(try runGongshi(["build", "--site", site.root.path, "--now", "2026-11-23"]).status == 0)
        #expect(try site.read("notices/a/index.html").contains("<h2 id=\"corrections-heading\">更正说明</h2>"))
        let feed = try site.read("feed.xml")
        #expect(feed.contains("<published>2025-07-28T00:00:00+08:00</published>\n<updated>2025-08-02T00:00:00+08:00</updated>"))
        #expect(try site.read("sitemap.xml").contains("<lastmod>2025-08-02</lastmod>"))
    }

    /// Page keys count the turning points a moment has passed (going out, each problem's time limit, the 公示期's
    /// end, the deadline for letters): the count goes up by one at each, on every day of a year.
    @Test func passedTurningPointsCountsEachTurningPointOnce() {
        let notice = EntryCodecTests.fullSummary
        #expect(notice.turningPoints.count == 5)
        #expect(notice.passedTurningPoints(at: Moment(date: EntryCodecTests.day(2025, 1, 1))) == 0)
        #expect(notice.passedTurningPoints(at: Moment(date: EntryCodecTests.day(2026, 1, 1))) == 5)
        var day = EntryCodecTests.day(2025, 1, 1)
        while day.year == 2025 {
            for minute in [0, 1439] {
                let now = Moment(date: day, minute: minute)
                #expect(notice.passedTurningPoints(at: now) == notice.turningPoints.filter { $0 <= now }.count, "\(now)")
            }
            day = day.next
        }
    }

    @Test func aBadNowIsRefusedInChinese() throws {
        let result = try runGongshi(["build", "--now", "明天"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--now 的值“明天”不是日期"))
    }

    @Test func servePreviewShowsDraftsAndScheduledNoticesWithBanners() async throws {
        let site = try Self.storySite()
        defer { site.remove() }
        let server = PreviewServer(site: site.root, port: 0, pollInterval: .milliseconds(100), now: Moment("2026-11-23 09:00"))
        let task = Task { try await server.run() }
        defer { task.cancel() }
        try await server.waitUntilReady()
        let base = "http://127.0.0.1:\(try #require(await server.port()))/"
        let draft = try await fetch(base + "notices/draft/")
        #expect(draft.status == 200)
        #expect(draft.body.contains("<p class=\"preview-banner\" role=\"note\">草稿："))
        let later = try await fetch(base + "notices/later/")
        #expect(later.body.contains("定时发布：本通知将于 2026年12月1日 09:30 发布"))
        #expect(try await fetch(base + "notices/out/").body.contains("preview-banner") == false)
    }
}
