import Foundation
import Testing
@testable import GongshiCore
@testable import GongshiMarkdown
@testable import GongshiContent
@testable import GongshiRender
@testable import GongshiOutput
@testable import GongshiBuild
@testable import GongshiAuthoring

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
        #expect(written.document.source == "GB18030/GBK")
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

    @Test func problemItemsWithStatusLinesBecomeTheProblemList() {
        let text = """
        示例区财政局党组关于巡察整改情况的公示
        第一方面问题：在贯彻落实决策部署方面
        （一）预算执行不够严格
        1.针对部分项目预算调整不规范问题。修订预算调整办法，严格审批程序。
        已经整改到位
        2、针对绩效评价结果运用不充分问题。将评价结果与下年度预算挂钩。
        取得阶段性成效，需长期坚持
        （二）资产管理不够规范
        （1）针对“资产账实不符”问题。开展资产清查，补登记入账。
        需长期整改
        """
        let r = NoticeImporter().parse(text)
        #expect(r.problems == [
            Problem(title: "部分项目预算调整不规范", category: "预算执行不够严格", status: .done),
            Problem(title: "绩效评价结果运用不充分", category: "预算执行不够严格", status: .partial),
            Problem(title: "资产账实不符", category: "资产管理不够规范", status: .ongoing),
        ])
        #expect(r.body.contains("## 第一方面问题：在贯彻落实决策部署方面"))
        #expect(r.body.contains("已经整改到位"))
        #expect(r.org == "示例区财政局党组")
    }

    @Test func summaryCountsInTheirUsualForms() {
        #expect(NoticeImporter().parse("标题\n反馈的3大类11个方面35个问题，已完成整改27个，其余8项已取得阶段性成效。\n").stats == ProgressStats(total: 35, done: 27, partial: 8))
        #expect(NoticeImporter().parse("标题\n目前反馈细化的34个问题全部完成整改。\n").stats == ProgressStats(total: 34, done: 34))
    }

    @Test func otherFormsOfDatesNumberingAndContacts() {
        let text = """
        示例区审计局党组关于巡察整改落实情况的公示
        来源：区审计局
        区委第二巡察组于2023年05月08日至2023年06月30日对区审计局党组开展了九届区委第一轮常规巡察，2023年8月2日反馈了巡察意见。
        (一)加强组织领导
        成立整改领导小组。
        联系电话:021-22050716，13800000000。来信请寄:邮政信箱 示例区第12号信箱,邮政编码:200050,并在信封上注明"巡察整改"。
        示例区审计局党组
        2023 年 10 月 9 日
        """
        let r = NoticeImporter().parse(text)
        #expect(r.inspection?.group == "区委第二巡察组")
        #expect(r.inspection?.round == "九届区委第一轮常规巡察")
        #expect(r.inspection?.start == CalendarDate("2023-05-08"))        // zero-padded months and days
        #expect(r.inspection?.end == CalendarDate("2023-06-30"))
        #expect(r.inspection?.feedback == CalendarDate("2023-08-02"))
        #expect(r.date == CalendarDate("2023-10-09"))                      // spaces inside the signature date
        #expect(r.body.contains("### (一)加强组织领导"))                   // half-width brackets
        #expect(!r.body.contains("来源"))
        #expect(r.contact?.phone == ["021-22050716", "13800000000"])      // half-width colon
        #expect(r.contact?.postcode == "200050")
        #expect(r.contact?.envelope == "巡察整改")
    }

    @Test func anonymizedDatesAreKeptAndFlagged() {
        let r = NoticeImporter().parse("某中学党委关于巡察整改进展情况的报告\n根据县委统一部署，县委第一巡察组于2023年X月中旬对X中学党委开展了巡察。\n")
        #expect(r.anonymizedDates == ["2023年X月"])
        #expect(r.body.contains("2023年X月中旬"))
        #expect(r.inspection?.start == nil)
    }
}

import ZIPFoundation

/// A minimal Word document: paragraphs (one with a bold run), a numbered list and a table.
func makeDocx(at url: URL) throws {
    func p(_ text: String, bold: String? = nil, list: Bool = false) -> String {
        let numbering = list ? "<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>" : ""
        let boldRun = bold.map { "<w:r><w:rPr><w:b/></w:rPr><w:t>\($0)</w:t></w:r>" } ?? ""
        return "<w:p>\(numbering)\(boldRun)<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }
    func cell(_ text: String) -> String { "<w:tc><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>" }
    func row(_ cells: [String]) -> String { "<w:tr>" + cells.map(cell).joined() + "</w:tr>" }
    let body = [
        p("中共示例市交通运输局党组关于巡察整改情况的通报"),
        p("根据市委统一部署，市委巡察四组于2024 年 4 月 15 日至 6 月 14 日对市交通运输局党组进行了巡察，并于2024年7月18日反馈了巡察意见。"),
        p("一、整改工作的组织开展情况"),
        p("党组召开专题会议研究整改工作。", bold: "高度重视。"),
        p("制定整改方案。", list: true),
        p("建立整改台账。", list: true),
        p("二、反馈问题的整改落实情况"),
        "<w:tbl>" + row(["问题", "类别", "整改情况", "责任部门"]) + row(["工程招标程序不规范", "项目管理", "已经整改到位", "建设科"])
            + row(["路政执法记录不完整", "执法监督", "取得阶段性成效", "执法支队"]) + "</w:tbl>",
        p("欢迎监督。联系电话：0891-6323368；邮政信箱：示例市第88号信箱，邮编：850000。"),
        p("中共示例市交通运输局党组"),
        p("2024年10月8日"),
    ].joined()
    let document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\(body)</w:body></w:document>"
    let archive = try Archive(url: url, accessMode: .create)
    for (path, text) in [("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
                         ("word/document.xml", document)] {
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}

@Suite("Importing Word documents")
struct DocxImportTests {
    @Test func docxWithANumberedListAndATableImportsAndBuilds() throws {
        let site = try TempSite()
        defer { site.remove() }
        let docx = site.root.appendingPathComponent("通报.docx")
        try makeDocx(at: docx)
        let written = try NoticeImport.importFile(docx, into: site.layout, force: false)
        let r = written.result
        #expect(written.document.format == .docx)
        #expect(r.title == "中共示例市交通运输局党组关于巡察整改情况的通报")
        #expect(r.org == "中共示例市交通运输局党组")
        #expect(r.date == CalendarDate("2024-10-08"))                       // from the signature
        #expect(r.inspection?.group == "市委巡察四组")
        #expect(r.inspection?.start == CalendarDate("2024-04-15"))          // spaces inside the date
        #expect(r.inspection?.end == CalendarDate("2024-06-14"))            // year from the text around it
        #expect(r.inspection?.feedback == CalendarDate("2024-07-18"))
        #expect(r.problems == [Problem(title: "工程招标程序不规范", category: "项目管理", status: .done, owner: "建设科"),
                               Problem(title: "路政执法记录不完整", category: "执法监督", status: .partial, owner: "执法支队")])
        #expect(r.contact?.phone == ["0891-6323368"])
        #expect(r.contact?.postcode == "850000")
        #expect(r.contact?.address == "示例市第88号信箱")

        try site.build()
        let slug = written.path.deletingPathExtension().lastPathComponent
        let page = try site.read("notices/\(slug)/index.html")
        #expect(page.contains("<strong>高度重视</strong>。党组召开专题会议研究整改工作。"))
        #expect(page.contains("<ol>"))
        #expect(page.contains("制定整改方案。"))
        #expect(page.contains("<span class=\"status status-partial\">阶段性成效</span>"))   // the table became the problem list
        #expect(page.contains("问题：工程招标程序不规范；类别：项目管理；整改情况：已经整改到位；责任部门：建设科"))
        #expect(page.contains("<h2>一、整改工作的组织开展情况</h2>"))
    }
}

@Suite("gongshi import, through the executable")
struct ImportCommandTests {
    @Test func printsWhatItFoundAndWhatIsLeftAndNeverOverwrites() throws {
        let site = try TempSite()
        defer { site.remove() }
        let source = site.root.appendingPathComponent("旧通知.txt")
        // Starts with the preamble (no title line), as some pages do; the signature gives org and date.
        try Data(("\u{FEFF}根据区委统一部署，2024年3月4日至4月30日，区委第一巡察组对区民政局党组开展了巡察。2024年6月5日，巡察组反馈了巡察意见。\r\n"
                  + "联系电话：7663776。\r\n示例区民政局党组\r\n2024年9月10日\r\n").utf8).write(to: source)
        let first = try runGongshi(["import", source.path, "--site", site.root.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("content/notices/2024-09-10-"))
        #expect(first.stdout.contains("编码：UTF-8（带 BOM）"))
        #expect(first.stdout.contains("找到：org、date、inspection.group、inspection.start、inspection.end、inspection.feedback"))
        #expect(first.stdout.contains("未找到，请人工填写：title"))
        let again = try runGongshi(["import", source.path, "--site", site.root.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("已存在"))
        #expect(try runGongshi(["import", source.path, "--site", site.root.path, "--force"]).status == 0)
    }
}
