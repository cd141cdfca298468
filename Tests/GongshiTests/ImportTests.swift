import Foundation
import Testing
@testable import Gongshi

/// A notice as copied off an old web page, written for the project (fictional organizations).
let webPageNotice = """
今天是：2025年8月1日 星期五
您当前所在位置：首页 > 党务公开 > 巡察整改
中共示例县教育局委员会关于巡察整改进展情况的通报
中共示例县 教育局委员会关于巡察整改进展情况的通报
发布时间：2025-07-30  来源：县教育局  浏览量：1024
根据县委统一部署，2024年11月4日至12月20日，九届县委第二轮巡察第三巡察组对县教育局党委开展了常规巡察。2025年3月18日，巡察组向县教育局党委反馈了巡察意见。现将巡察整改进展情况予以公布。
一、整改工作的组织开展情况
局党委召开专题会议，成立整改工作领导小组，制定整改方案，建立问题清单、任务清单和责任
清单，逐项推进整改。
二、反馈问题的整改落实情况
（一）关于“学校食堂管理不规范”问题的整改情况
1.针对食堂采购台账不完整问题。已建立统一的采购台账，每月检查一次。
（二）关于“教师培训经费使用不充分”问题的整改情况
反馈的12个问题，已完成整改9项，其余3项已取得阶段性成效，需长期坚持。
三、欢迎监督
欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0123-4567890，7654321；电子邮箱：jyj@example.gov.cn；通信地址：示例县人民路18号，邮编：123456，请在信封上注明“巡察整改意见”。
打印本页  关闭窗口
中共示例县教育局委员会
2025年7月28日
上一篇：关于开展读书月活动的通知
"""

@Suite("Importing notices an office already has")
struct ImportTests {
    @Test func webPageTextBecomesANoticeWithItsFieldsAndEveryParagraph() throws {
        let r = NoticeImporter().parse(webPageNotice)
        #expect(r.title == "中共示例县教育局委员会关于巡察整改进展情况的通报")
        #expect(r.org == "中共示例县教育局委员会")
        #expect(r.date == CalendarDate("2025-07-30"))
        #expect(r.inspection?.round == "九届县委第二轮巡察")
        #expect(r.inspection?.group == "第三巡察组")
        #expect(r.inspection?.target == "县教育局党委")
        #expect(r.inspection?.start == CalendarDate("2024-11-04"))
        #expect(r.inspection?.end == CalendarDate("2024-12-20"))   // year taken from the surrounding text
        #expect(r.inspection?.feedback == CalendarDate("2025-03-18"))
        #expect(r.stats == ProgressStats(total: 12, done: 9, partial: 3))
        #expect(r.contact?.phone == ["0123-4567890", "7654321"])
        #expect(r.contact?.email == "jyj@example.gov.cn")
        #expect(r.contact?.address == "示例县人民路18号")
        #expect(r.contact?.postcode == "123456")
        #expect(r.contact?.envelope == "巡察整改意见")
        #expect(r.signature == Signature(org: "中共示例县教育局委员会", date: CalendarDate("2025-07-28")))
        #expect(r.body.contains("## 一、整改工作的组织开展情况"))
        #expect(r.body.contains("### （一）关于“学校食堂管理不规范”问题的整改情况"))
        #expect(r.body.contains("责任清单，逐项推进整改"))        // a line broken mid-sentence is joined
        for debris in ["今天是", "当前所在位置", "浏览量", "打印本页", "上一篇"] {
            #expect(!r.body.contains(debris))
        }
    }

    @Test func gb18030FileImportsBuildsAndKeepsEverySentence() throws {
        let site = try TempSite()
        defer { site.remove() }
        let source = site.root.appendingPathComponent("old.txt")
        let gb = try #require(ImportedText.convertToGB18030(webPageNotice))
        try gb.write(to: source)
        let written = try NoticeImport.importFile(source, into: site.layout, force: false)
        #expect(written.encoding == .gb18030)
        #expect(throws: ScaffoldError.self) { try NoticeImport.importFile(source, into: site.layout, force: false) }

        let report = try site.build()
        #expect(report.noticeCount == 1)
        let slug = written.path.deletingPathExtension().lastPathComponent
        let page = try site.read("notices/\(slug)/index.html")
        // Every sentence of the source body reaches the page.
        let body = webPageNotice.components(separatedBy: "发布时间：2025-07-30  来源：县教育局  浏览量：1024\n")[1]
            .components(separatedBy: "打印本页")[0].replacingOccurrences(of: "责任\n清单", with: "责任清单")
        for sentence in body.components(separatedBy: CharacterSet(charactersIn: "。\n")) where sentence.count > 3 {
            #expect(page.contains(sentence), "missing: \(sentence)")
        }
    }

    @Test func anonymizedDatesAreKeptAndFlagged() {
        let r = NoticeImporter().parse("某中学党委关于巡察整改进展情况的报告\n根据县委统一部署，县委第一巡察组于2023年X月中旬对X中学党委开展了巡察。\n")
        #expect(r.anonymizedDates == ["2023年X月"])
        #expect(r.body.contains("2023年X月中旬"))
        #expect(r.inspection?.start == nil)
    }
}
