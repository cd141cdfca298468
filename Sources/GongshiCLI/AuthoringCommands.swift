import GongshiCore
import GongshiContent
import GongshiBuild
import GongshiAuthoring
import ArgumentParser
import Foundation
import GongshiServe

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "新建一个网站文件夹：网站设置、一篇示例通知和可修改的默认模板。")

    @Argument(help: ArgumentHelp("要创建的网站文件夹", valueName: "DIR"))
    var folder: String

    @Flag(name: .long, help: "文件夹不是空的也继续，并覆盖同名文件")
    var force = false

    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var time: TodayOption

    func run() throws {
        let console = outputOptions.console
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        do {
            let written = try SiteScaffold.create(at: url, today: time.today, force: force)
            if console.verbose { written.forEach { console.info("  写入 \($0)") } }
            console.info("""
            已创建网站文件夹 \(url.path)（\(written.count) 个文件）。
            下一步：
              1. 修改 content/site.yaml 中的网站名称、地址和联系方式；
              2. 新建通知：gongshi new "某单位关于巡察整改进展情况的通报" --site \(folder)
              3. 检查并生成：gongshi check --site \(folder) && gongshi build --site \(folder)
            """)
        } catch let error as ScaffoldError {
            console.error(error.description)
            throw ExitCode(1)
        }
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "新建一篇通知：写好各字段（可选的已注释）和通报的常用章节。")

    @Argument(help: ArgumentHelp("通知标题，例如 \"中共某某委员会关于巡察整改进展情况的通报\"", valueName: "标题"))
    var title: String

    @OptionGroup var siteOption: SiteOption
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var time: TodayOption

    @Option(name: .long, help: ArgumentHelp("发布单位。默认取标题中“关于”之前的部分", valueName: "ORG"))
    var org: String?

    @Option(name: .long, help: ArgumentHelp("网址名（也是文件名）。默认：日期加标题的短哈希", valueName: "SLUG"))
    var slug: String?

    @Option(name: .long, help: ArgumentHelp("发布日期 YYYY-MM-DD。默认：今天", valueName: "DATE"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("通知类型：announcement（巡察公告）、feedback（反馈情况）、rectification（整改情况，默认）、followUp（回头看），也可写中文", valueName: "KIND"))
    var kind: String?

    func validate() throws {
        if let date, CalendarDate(date) == nil { throw ValidationError("日期“\(date)”应写成 YYYY-MM-DD，例如 2025-07-28") }
        if let kind, NoticeKind(text: kind) == nil {
            throw ValidationError("通知类型“\(kind)”无法识别，请写 announcement（巡察公告）、feedback（反馈情况）、rectification（整改情况）或 followUp（回头看）")
        }
    }

    func run() throws {
        let console = outputOptions.console
        do {
            let url = try NoticeScaffold.create(in: siteOption.layout, title: title, org: org,
                                                date: date.flatMap(CalendarDate.init) ?? time.today, slug: slug,
                                                kind: kind.flatMap(NoticeKind.init(text:)) ?? .rectification)
            console.info("""
            已新建通知 \(siteOption.layout.displayPath(url))。
            请打开这个文件，\(kind.flatMap(NoticeKind.init(text:)) == .announcement ? "填写巡察轮次、各巡察组的被巡察单位和受理渠道、受理截止日期" : "填写巡察情况、问题清单和正文")；写完后运行 gongshi check 检查。
            """)
        } catch let error as ScaffoldError {
            console.error(error.description)
            throw ExitCode(1)
        }
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "导入已有的通知：Word（.docx、.doc）、WPS（.wps，需 LibreOffice）、网页（.html）、PDF、扫描件（需 tesseract）和纯文本，或整个文件夹。",
        discussion: """
        每个文件生成一篇带 front matter 的通知，列出找到的字段和需要人工填写的字段；文件夹里的文件逐个导入，\
        最后给出一张表。与已有通知标题和日期相同的不会重复导入；不覆盖已有文件，除非加 --force。
        """)

    enum ReportFormat: String, ExpressibleByArgument { case table, json }

    @Argument(help: ArgumentHelp("要导入的文件或文件夹", valueName: "FILE|DIR"))
    var paths: [String]

    @OptionGroup var siteOption: SiteOption
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var time: TodayOption

    @Flag(name: .long, help: "覆盖已存在的同名通知文件，也导入与已有通知相同的")
    var force = false

    @Flag(name: .long, help: "只读取和识别，列出结果，不写入任何文件")
    var dryRun = false

    @Option(name: .long, help: "报告的格式：table（表格，默认）或 json（供脚本读取）")
    var format: ReportFormat = .table

    func run() throws {
        let console = outputOptions.console
        let layout = siteOption.layout
        let report = NoticeImport.run(paths.map { URL(fileURLWithPath: $0) }, into: layout, force: force, dryRun: dryRun, today: time.today) { done, total, file in
            guard total > 1, !console.quiet else { return }
            FileHandle.standardError.write(Data("正在导入 \(done)/\(total)：\(file.lastPathComponent)\n".utf8))
        }
        if format == .json {
            print(report.json())
        } else {
            for row in report.rows { show(row, console: console, layout: layout) }
            if report.rows.count > 1 || dryRun { console.info("\n" + report.table()) }
        }
        if report.failedCount > 0 { throw ExitCode(1) }
    }

    private func show(_ row: ImportReport.Row, console: Console, layout: SiteLayout) {
        switch row.outcome {
        case .imported, .wouldImport:
            console.info("\(row.file) → \(row.target ?? "")（\(row.format ?? "")，编码：\(row.source ?? "")）\(row.outcome == .wouldImport ? "（试运行，未写入）" : "")")
            console.info("  找到：\(row.found.joined(separator: "、"))")
            if !row.missing.isEmpty { console.info("  未找到，请人工填写：\(row.missing.joined(separator: "、"))") }
            if row.ocr { console.info("  文字由扫描件识别得到，发布前请对照原件逐字校对") }
        case .duplicate, .skipped:
            console.info("\(row.file)：\(row.reason ?? "")")
        case .failed:
            console.error("\(row.file)：\(row.reason ?? "")")
        }
    }
}

