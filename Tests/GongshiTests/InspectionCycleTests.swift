import Foundation
import Testing
@testable import GongshiCore
@testable import GongshiContent
@testable import GongshiBuild

/// The whole inspection cycle (issue 15): announcements with their groups, one page per inspection and per round,
/// the open announcement on the home page, and the checks that go with them.
@Suite("Announcements, inspection pages and round pages")
struct InspectionCycleTests {
    func page(_ path: String) throws -> String {
        try String(contentsOf: ExampleSite.output.appendingPathComponent(path), encoding: .utf8)
    }

    /// The address of the inspection page a notice links to, e.g. `inspections/f32104fe/`.
    func inspectionLink(from notice: String) throws -> String {
        let html = try page("notices/\(notice)/index.html")
        let match = try #require(html.firstMatch(of: /href="\.\.\/\.\.\/(inspections\/[^"]+\/)"/))
        return String(match.1)
    }

    /// The example site built into a fresh folder at `now`.
    func buildExample(at now: String) throws -> URL {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-cycle-\(UUID().uuidString)/public")
        let result = try runGongshi(["build", "--site", repositoryRoot.path, "--output", output.path, "--now", now])
        #expect(result.status == 0, "\(result.stderr)")
        return output
    }

    @Test func announcementShowsItsGroupsAsATableWithWorkingLinksAndWhetherLettersAreAccepted() throws {
        let old = try page("notices/xuncha-gonggao-2024/index.html")
        #expect(old.contains("<p class=\"notice-kind\">巡察公告</p>"))
        #expect(old.contains("<th scope=\"col\">巡察组</th><th scope=\"col\">被巡察单位</th><th scope=\"col\">值班电话</th><th scope=\"col\">邮政信箱</th><th scope=\"col\">电子邮箱</th>"))
        #expect(old.contains("<th scope=\"row\" data-label=\"巡察组\">区委第二巡察组</th><td data-label=\"被巡察单位\">区教育工作党委、区民政局党组</td>"))
        #expect(old.contains("<a href=\"tel:01055550221\">010-55550221</a>"))
        #expect(old.contains("<a href=\"tel:01055550251\">010-55550251</a>、<a href=\"tel:01055550252\">010-55550252</a>"))
        #expect(old.contains("<a href=\"mailto:xcz5@example.gov.cn\">xcz5@example.gov.cn</a>"))
        #expect(old.contains("示例区第251号邮政信箱（邮编 100925）"))
        #expect(old.contains("<strong class=\"state-closed\">已截止</strong>"))
        #expect(!old.contains("正在受理"))
        // The groups are the channels: the generic 监督与反馈 block about rectification is not shown.
        #expect(!old.contains("feedback-heading"))
        let open = try page("notices/xuncha-gonggao-2026/index.html")
        #expect(open.contains("<strong class=\"state-open\">正在受理</strong>：巡察组受理来信来电截止到<time datetime=\"2026-12-31\">2026年12月31日</time>"))
    }

    @Test func theDeadlineDayStillCountsAndTheDayAfterItIsClosed() throws {
        let lastDay = try buildExample(at: "2026-12-31 23:59")
        let closed = try buildExample(at: "2027-01-01 00:00")
        defer { for url in [lastDay, closed] { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) } }
        let read = { (root: URL, path: String) in try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) }
        #expect(try read(lastDay, "notices/xuncha-gonggao-2026/index.html").contains("正在受理"))
        #expect(try read(lastDay, "index.html").contains("class=\"open-announcement\""))
        #expect(try read(closed, "notices/xuncha-gonggao-2026/index.html").contains("已截止"))
        // After the deadline the announcement is only an item of the list.
        let home = try read(closed, "index.html")
        #expect(!home.contains("class=\"open-announcement\""))
        #expect(!home.contains("正在受理"))
        #expect(home.contains("notices/xuncha-gonggao-2026/"))
    }

    @Test func homePageShowsTheOpenAnnouncementFirstWithItsContacts() throws {
        let home = try page("index.html")
        let box = try #require(home.range(of: "class=\"open-announcement\""))
        let list = try #require(home.range(of: "<ol class=\"notice-list\">"))
        #expect(box.lowerBound < list.lowerBound)
        let top = String(home[box.lowerBound..<list.lowerBound])
        #expect(top.contains("十届区委第五轮巡察进驻情况公告"))
        #expect(top.contains("<a href=\"tel:01055550211\">010-55550211</a>"))
        #expect(top.contains("2026年12月31日"))
        // The 2024 announcement is closed: not at the top.
        #expect(!top.contains("十届区委第二轮巡察进驻情况公告"))
    }

    @Test func inspectionPageListsItsNoticesInOrderWithTheCompletionOfEach() throws {
        let address = try inspectionLink(from: "jiaogongwei-2025")
        #expect(try inspectionLink(from: "jiaogongwei-zhenggai-2026") == address)
        #expect(try inspectionLink(from: "jiaogongwei-fankui-2025") == address)
        let html = try page(address + "index.html")
        #expect(html.contains("<h1 class=\"page-title\">十届区委第二轮巡察：区委第二巡察组对区教育工作党委的巡察</h1>"))
        let order = ["xuncha-gonggao-2024", "jiaogongwei-fankui-2025", "jiaogongwei-2025", "jiaogongwei-zhenggai-2026"]
        let positions = try order.map { try #require(html.range(of: "notices/\($0)/")).lowerBound }
        #expect(positions == positions.sorted())
        #expect(html.contains("<span class=\"timeline-kind\">巡察公告</span>"))
        #expect(html.contains("<span class=\"timeline-kind\">反馈情况</span>"))
        #expect(html.contains("<span class=\"timeline-kind\">整改进展</span>"))
        #expect(html.contains("<span class=\"timeline-percent\">完成率 60%</span>"))
        #expect(html.contains("<span class=\"timeline-percent\">完成率 80%（较上次提高 20 个百分点）</span>"))
        // The problem whose status changed between the two notices.
        #expect(html.contains("<tr><th scope=\"row\">督导结果运用不充分</th><td><span class=\"status status-partial\">阶段性成效</span></td><td><span class=\"status status-done\">已完成</span></td></tr>"))
    }

    @Test func roundPageShowsEachUnitWithItsStatusAndMarksTheOneThatHasNotPublished() throws {
        let overview = try page("overview/index.html")
        let match = try #require(overview.firstMatch(of: /href="\.\.\/(rounds\/[^"]+\/)">十届区委第二轮巡察<\/a>（3 个被巡察单位）/))
        let html = try page(String(match.1) + "index.html")
        let rows = html.split(separator: "\n").filter { $0.hasPrefix("<tr") && $0.contains("scope=\"row\"") }
        #expect(rows.count == 3)
        let education = try #require(rows.first { $0.contains("区教育工作党委") })
        #expect(education.contains("已公开整改情况"))
        #expect(education.contains("<time datetime=\"2025-07-28\">2025年7月28日</time>（反馈后 139 天，超过时限）"))
        #expect(education.contains("80%"))
        #expect(!education.contains("late-badge"))
        let civil = try #require(rows.first { $0.contains("区民政局党组") })
        #expect(civil.hasPrefix("<tr class=\"late\">"))
        #expect(civil.contains("已反馈<strong class=\"late-badge\">超期未公开（时限 2025年5月12日）</strong>"))
        let market = try #require(rows.first { $0.contains("区市场监督管理局党组") })
        #expect(market.contains("已公告进驻"))
        #expect(html.contains("目前有 1 个单位超过时限仍未公开。"))
    }

    @Test func checkWarnsAboutAUnitPastTheTimeLimitAndStopsOnceItPublishes() throws {
        let site = try TempSite(config: TempSite.minimalConfig + "\npublishWithinDays: 30\n")
        defer { site.remove() }
        let inspection = "inspection:\n  round: 第二轮巡察\n  group: 第一巡察组\n  target: 甲局党组\n  feedback: 2026-09-01"
        try site.notice("fankui.md", noticeText(title: "第一巡察组向甲局党组反馈巡察情况", date: "2026-09-02", extra: "kind: 反馈情况\n" + inspection))
        let late = try runGongshi(["check", "--site", site.root.path, "--now", "2026-10-02 09:00"])
        #expect(late.stderr.contains("content/notices/fankui.md:10:1: 警告: 甲局党组于2026年9月1日收到巡察反馈，反馈后 30 天的公开时限（2026年10月1日）已过，仍没有公开整改情况"),
                "\(late.stderr)")
        let inTime = try runGongshi(["check", "--site", site.root.path, "--now", "2026-10-01 23:00"])
        #expect(!inTime.stderr.contains("公开时限"))
        try site.notice("zhenggai.md", noticeText(title: "甲局党组关于巡察整改情况的通报", date: "2026-10-20", extra: inspection))
        #expect(!(try runGongshi(["check", "--site", site.root.path, "--now", "2026-10-21 09:00"]).stderr.contains("公开时限")))
    }

    @Test func twoNoticesThatLookLikeOneInspectionButDoNotLinkAreWarnedAndAnIDLinksThem() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText(title: "甲局党组关于巡察整改进展情况的通报", date: "2026-03-01",
                                           extra: "inspection:\n  round: 第二轮巡察\n  group: 第一巡察组\n  target: 甲局党组"))
        try site.notice("b.md", noticeText(title: "甲局党组关于巡察整改情况的通报", date: "2026-06-01",
                                           extra: "inspection:\n  group: 第一巡察组\n  target: 甲局党组"))
        let unlinked = try runGongshi(["check", "--site", site.root.path, "--now", "2026-11-23 09:00"])
        #expect(unlinked.stderr.contains("content/notices/b.md:5:1: 警告: 这篇通知与 content/notices/a.md（甲局党组关于巡察整改进展情况的通报）像是同一次巡察"),
                "\(unlinked.stderr)")
        // The same id on both links them: one inspection page, no warning.
        try site.notice("a.md", noticeText(title: "甲局党组关于巡察整改进展情况的通报", date: "2026-03-01",
                                           extra: "inspection:\n  id: jiaju-2026\n  round: 第二轮巡察\n  group: 第一巡察组\n  target: 甲局党组"))
        try site.notice("b.md", noticeText(title: "甲局党组关于巡察整改情况的通报", date: "2026-06-01",
                                           extra: "inspection:\n  id: jiaju-2026\n  group: 第一巡察组\n  target: 甲局党组"))
        let linked = try runGongshi(["build", "--site", site.root.path, "--now", "2026-11-23 09:00"])
        #expect(linked.status == 0)
        #expect(!linked.stderr.contains("像是同一次巡察"), "\(linked.stderr)")
        let html = try site.read("inspections/jiaju-2026/index.html")
        #expect(html.contains("notices/a/") && html.contains("notices/b/"))
        #expect(try site.read("notices/a/index.html").contains("href=\"../../inspections/jiaju-2026/\""))
    }

    @Test func aLaterNoticeOfTheSameInspectionUpdatesTheEarlierPageOnARebuild() throws {
        let site = try TempSite()
        defer { site.remove() }
        let inspection = "inspection:\n  round: 第二轮巡察\n  group: 第一巡察组\n  target: 甲局党组"
        try site.notice("a.md", noticeText(title: "甲局党组关于巡察整改进展情况的通报", date: "2026-03-01",
                                           extra: inspection + "\nproblems:\n  - title: 台账不全\n    status: ongoing\n    due: 2026-06-30"))
        try site.build()
        var first = try site.read("notices/a/index.html")
        #expect(!first.contains("inspections/"))
        #expect(first.contains("逾期"))
        // The final notice comes out: the progress notice now links to the inspection's page and is no longer overdue.
        try site.notice("b.md", noticeText(title: "甲局党组关于巡察整改情况的通报", date: "2026-09-01",
                                           extra: inspection + "\nproblems:\n  - title: 台账不全\n    status: done"))
        let report = try site.build()
        first = try site.read("notices/a/index.html")
        let link = try #require(first.firstMatch(of: /href="\.\.\/\.\.\/(inspections\/[0-9a-f]+\/)"/))
        #expect(!first.contains("逾期"))
        #expect(!report.diagnostics.contains { $0.message.contains("逾期") })
        let history = try site.read(String(link.1) + "index.html")
        #expect(history.contains("<tr><th scope=\"row\">台账不全</th><td><span class=\"status status-ongoing\">持续推进</span></td><td><span class=\"status status-done\">已完成</span></td></tr>"))
    }

    /// An inspection page is kept while its notices stay as they were, and made again when one of them changes a
    /// problem's status (its key comes from the notices' summaries, not from reading them).
    @Test func anInspectionPageFollowsAStatusChangedInOneOfItsNotices() throws {
        let site = try TempSite()
        defer { site.remove() }
        let inspection = "inspection:\n  round: 第二轮巡察\n  group: 第一巡察组\n  target: 甲局党组"
        func final(_ status: String) -> String {
            noticeText(title: "甲局党组关于巡察整改情况的通报", date: "2026-09-01", extra: inspection + "\nproblems:\n  - title: 台账不全\n    status: \(status)")
        }
        try site.notice("a.md", noticeText(title: "甲局党组关于巡察整改进展情况的通报", date: "2026-03-01",
                                           extra: inspection + "\nproblems:\n  - title: 台账不全\n    status: ongoing"))
        try site.notice("b.md", final("ongoing"))
        try site.build()
        let link = try #require(try site.read("notices/a/index.html").firstMatch(of: /href="\.\.\/\.\.\/(inspections\/[0-9a-f]+\/)"/))
        let page = String(link.1) + "index.html"
        #expect(try site.read(page).contains("<td><span class=\"status status-ongoing\">持续推进</span></td></tr>"))
        try site.notice("b.md", final("done"))
        try site.build()
        #expect(try site.read(page).contains("<td><span class=\"status status-ongoing\">持续推进</span></td><td><span class=\"status status-done\">已完成</span></td></tr>"))
    }

    @Test func aRebuildWithNoEditClosesTheAnnouncementAndMarksALateUnitOnceTheirDaysPass() throws {
        let site = try TempSite(config: TempSite.minimalConfig + "\npublishWithinDays: 30\n")
        defer { site.remove() }
        try site.notice("gonggao.md", noticeText(title: "第二轮巡察进驻情况公告", date: "2026-11-01", extra: """
            kind: announcement
            inspection: {round: 第二轮巡察}
            groups:
              - {name: 第一巡察组, targets: [甲局党组], phone: ["010-12345678"]}
            lettersUntil: 2026-11-30
            """))
        try site.notice("fankui.md", noticeText(title: "第一巡察组向甲局党组反馈巡察情况", date: "2026-11-02",
                                                extra: "kind: feedback\ninspection: {round: 第二轮巡察, group: 第一巡察组, target: 甲局党组, feedback: 2026-11-02}"))
        func build(_ now: String) throws -> BuildReport {
            try SiteBuilder.build(BuildOptions(site: site.root, now: Moment(now)!))
        }
        try build("2026-11-30 12:00")
        #expect(try site.read("index.html").contains("class=\"open-announcement\""))
        let round = try #require(try site.read("overview/index.html").firstMatch(of: /href="\.\.\/(rounds\/[^"]+\/)"/))
        #expect(!(try site.read(String(round.1) + "index.html")).contains("late-badge"))
        // The same files a day and a month later: the build notices the deadlines passed without any edit.
        try build("2026-12-01 00:00")
        #expect(!(try site.read("index.html")).contains("class=\"open-announcement\""))
        try build("2026-12-03 00:00")
        #expect(try site.read(String(round.1) + "index.html").contains("超期未公开（时限 2026年12月2日）"))
    }

    @Test func kindAcceptsChineseNamesAndAnUnknownKindIsAnErrorAtItsLine() throws {
        let (notice, _) = decode(noticeText(extra: "kind: 回头看"))
        #expect(notice?.fields.kind == .followUp)
        let (_, diagnostics) = decode(noticeText(extra: "kind: 通知"))
        let error = try #require(diagnostics.errors.first)
        #expect(error.line == 5)
        #expect(error.message.contains("通知类型“通知”无法识别"))
    }

    @Test func newWritesAnAnnouncementThatChecksCleanAndBuildsItsTable() throws {
        let site = try TempSite()
        defer { site.remove() }
        let made = try runGongshi(["new", "第一轮巡察进驻情况公告", "--kind", "巡察公告", "--org", "巡察办", "--date", "2026-11-20",
                                   "--slug", "gonggao", "--site", site.root.path])
        #expect(made.status == 0, "\(made.stderr)")
        let check = try runGongshi(["check", "--site", site.root.path, "--now", "2026-11-23 09:00"])
        // Only the placeholders the clerk still has to replace are pointed out.
        let warnings = check.stderr.split(separator: "\n").filter { $0.contains("警告:") }
        #expect(check.status == 0 && !warnings.isEmpty && warnings.allSatisfy { $0.contains("占位符") }, "\(check.stderr)")
        #expect(try runGongshi(["build", "--site", site.root.path, "--now", "2026-11-23 09:00"]).status == 0)
        let page = try site.read("notices/gonggao/index.html")
        #expect(page.contains("<th scope=\"row\" data-label=\"巡察组\">第一巡察组</th>"))
        #expect(page.contains("受理来信来电截止到<time datetime=\"2027-01-04\">2027年1月4日</time>"))
        let feedback = try runGongshi(["new", "第一巡察组向甲局反馈巡察情况", "--kind", "feedback", "--org", "巡察办", "--date", "2026-11-20",
                                       "--slug", "fankui", "--site", site.root.path])
        #expect(feedback.status == 0)
        #expect(try String(contentsOf: site.root.appendingPathComponent("content/notices/fankui.md"), encoding: .utf8).contains("\nkind: feedback"))
    }

    @Test func anAnnouncementWithoutGroupsOrDeadlineIsWarned() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("gonggao.md", noticeText(title: "巡察进驻公告", date: "2026-11-01",
                                                 extra: "kind: announcement\ngroups:\n  - name: 第一巡察组\n    targets: 甲局党组"))
        let result = try runGongshi(["check", "--site", site.root.path, "--now", "2026-11-23 09:00"])
        #expect(result.stderr.contains("巡察公告没有写巡察轮次（inspection.round）"))
        #expect(result.stderr.contains("没有写受理来信来电的截止日期（lettersUntil）"))
        #expect(result.stderr.contains("content/notices/gonggao.md:7:5: 警告: “第一巡察组”没有任何联系方式"), "\(result.stderr)")
    }
}
