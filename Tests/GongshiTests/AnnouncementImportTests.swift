import Foundation
import Testing
@testable import GongshiCore
@testable import GongshiBuild
@testable import GongshiAuthoring

/// A 巡察公告 as copied off an old web page, written for the project (fictional units, numbers and addresses).
let announcementText = """
您当前所在位置：首页 > 党务公开 > 巡察工作
九届县委第三轮巡察进驻情况公告
发布时间：2025-03-03  来源：县委巡察办
根据县委巡察工作统一部署，九届县委第三轮巡察的两个巡察组将于2025年3月4日至4月30日对以下单位开展常规巡察。具体安排如下：
一、县委第一巡察组巡察县财政局党组、县审计局党组。值班电话：0123-4567801（工作日8:30—17:30），邮政信箱：示例县第101号邮政信箱，邮编：123101，电子邮箱：xcz1@example.gov.cn。
二、县委第二巡察组巡察县住房和城乡建设局党组。值班电话：0123-4567802、13900000002，邮政信箱：示例县第102号邮政信箱，邮编：123102，电子邮箱：xcz2@example.gov.cn。
巡察期间，巡察组主要受理反映被巡察单位领导班子及其成员、下一级党组织领导班子主要负责人和重要岗位领导干部问题的来信来电。受理来信来电时间截止到4月25日。
中共示例县委巡察工作领导小组办公室
2025年3月3日
"""

@Suite("Importing announcements")
struct AnnouncementImportTests {
    @Test func anAnnouncementTextFillsKindRoundPeriodGroupsAndDeadline() throws {
        let r = NoticeImporter().parse(announcementText)
        #expect(r.kind == .announcement)
        #expect(r.title == "九届县委第三轮巡察进驻情况公告")
        #expect(r.date == CalendarDate("2025-03-03"))
        #expect(r.inspection?.round == "九届县委第三轮巡察")
        #expect(r.inspection?.start == CalendarDate("2025-03-04"))
        #expect(r.inspection?.end == CalendarDate("2025-04-30"))
        #expect(r.lettersUntil == CalendarDate("2025-04-25"))   // the year from the text around it
        try #require(r.groups.count == 2)
        #expect(r.groups[0] == InspectionGroup(name: "县委第一巡察组", targets: ["县财政局党组", "县审计局党组"], phone: ["0123-4567801"],
                                               email: "xcz1@example.gov.cn", mailbox: "示例县第101号邮政信箱", postcode: "123101",
                                               hours: "工作日8:30—17:30"))
        #expect(r.groups[1].name == "县委第二巡察组")
        #expect(r.groups[1].targets == ["县住房和城乡建设局党组"])
        #expect(r.groups[1].phone == ["0123-4567802", "13900000002"])
        #expect(r.groups[1].mailbox == "示例县第102号邮政信箱")
        #expect(r.missing.isEmpty, "\(r.missing)")
    }

    @Test func theImportedAnnouncementBuildsIntoAGroupsTable() throws {
        let site = try TempSite()
        defer { site.remove() }
        let source = site.root.appendingPathComponent("gonggao.txt")
        try Data(announcementText.utf8).write(to: source)
        let result = try runGongshi(["import", source.path, "--site", site.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = site.root.appendingPathComponent("content/notices")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".md") })
        let written = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        #expect(written.contains("kind: announcement"))
        #expect(written.contains("lettersUntil: '2025-04-25'"))
        let build = try runGongshi(["build", "--site", site.root.path, "--now", "2025-04-01 09:00"])
        #expect(build.status == 0, "\(build.stderr)")
        let page = try site.read("notices/\(name.dropLast(3))/index.html")
        #expect(page.contains("<a href=\"tel:01234567801\">0123-4567801</a>"))
        #expect(page.contains("县财政局党组、县审计局党组"))
        #expect(page.contains("正在受理"))
        #expect(try site.read("index.html").contains("class=\"open-announcement\""))
    }
}
