import GongshiCore
import GongshiContent
import GongshiBuild
import GongshiAuthoring
import ArgumentParser
import Foundation
import GongshiServe

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "生成网站：读取 content/ 和 templates/，写入输出文件夹。")

    @OptionGroup var siteOption: SiteOption
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var timeOption: TimeOption

    @Option(name: .long, help: ArgumentHelp("输出文件夹。默认：<网站文件夹>/public", valueName: "DIR"))
    var output: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("网站对外地址（含子路径），覆盖 site.yaml 的 baseURL，用于预览", valueName: "URL"))
    var baseURL: String?

    @Flag(name: .long, help: "即使内容没有变化也重新生成")
    var force = false

    func run() throws {
        let console = outputOptions.console
        let started = Date()
        var options = BuildOptions(site: siteOption.url, output: output.map { URL(fileURLWithPath: $0, isDirectory: true) },
                                   maxFileSize: siteOption.maxFileSize, baseURL: baseURL, now: timeOption.moment)
        options.progress = console.progressReporter(label: "正在生成通知页", started: started)
        options.reuseUnchangedOutput = !force
        if let point = ProcessInfo.processInfo.environment["GONGSHI_TEST_KILL_AT"] { Build.killForTests(at: point, &options) }
        do {
            let report = try SiteBuilder.build(options)
            console.endProgress()
            if report.upToDate {
                console.info("内容和模板都没有变化，输出已是最新（\(report.noticeCount) 篇通知）→ \(report.output.path)。要查看警告请运行 gongshi check。")
                return
            }
            console.print(diagnostics: report.diagnostics)
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            let changed = report.filesWritten - report.filesUnchanged
            let reused = report.pagesReused > 0 ? "，\(report.pagesReused) 个页面的输入没变、沿用上次的结果" : ""
            Build.printHeldBack(report, console: console)
            console.info("已生成 \(report.noticeCount) 篇通知，共 \(report.filesWritten) 个文件（\(changed) 个有变化\(reused)），用时 \(seconds) 秒 → \(report.output.path)")
        } catch let failure as BuildFailure {
            console.endProgress()
            console.print(diagnostics: failure.diagnostics)
            console.error("生成失败：发现 \(failure.diagnostics.errors.count) 个错误，输出文件夹未改动。请按上面的提示修改后重新运行。")
            throw ExitCode(1)
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "检查整个网站的内容和模板，不写入任何文件。",
        discussion: "每个问题一行：文件:行:列: 错误/警告: 说明。有错误时退出状态为 1；加 --strict 时有警告也以 2 退出（适合 CI）。")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var siteOption: SiteOption
    @OptionGroup var outputOptions: OutputOptions

    @Flag(name: .long, help: "有警告时也以非零状态（2）退出")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("输出格式：text 或 json", valueName: "FORMAT"))
    var format: Format = .text

    @OptionGroup var timeOption: TimeOption

    @Flag(name: .long, help: "列出尚未签发的通知，以及各自在等谁审核或签发")
    var pending = false

    func run() throws {
        if pending { return try listPending() }
        let (noticeCount, diagnostics) = SiteBuilder.check(siteOption.layout, maxFileSize: siteOption.maxFileSize, now: timeOption.moment)
        let sorted = diagnostics.sortedForDisplay()
        let errors = sorted.errors.count, warnings = sorted.warnings.count
        switch format {
        case .json:
            struct Output: Encodable { let diagnostics: [Diagnostic]; let errors: Int; let warnings: Int }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(Output(diagnostics: sorted, errors: errors, warnings: warnings))
            print(String(decoding: data, as: UTF8.self))
        case .text:
            let console = outputOptions.console
            console.print(diagnostics: sorted)
            let notices = noticeCount.map { "，\($0) 篇通知" } ?? ""
            if errors == 0 && warnings == 0 {
                console.info("检查完成：没有发现问题\(notices)。")
            } else {
                console.summary("检查完成：\(errors) 个错误，\(warnings) 个警告\(notices)。")
            }
        }
        if errors > 0 { throw ExitCode(1) }
        if strict && warnings > 0 { throw ExitCode(2) }
    }

}

extension Check {
    /// `check --pending`: every notice without a complete sign-off, and whom it waits for.
    func listPending() throws {
        let console = outputOptions.console
        let (content, diagnostics) = SiteLoader.load(siteOption.layout, maxFileSize: siteOption.maxFileSize)
        guard let content else {
            console.print(diagnostics: diagnostics.sortedForDisplay())
            throw ExitCode(1)
        }
        let pending = SignOff.pending(in: content.notices.map(\.notice))
        for item in pending {
            print("\(item.sourcePath)：\(item.title)：\(item.state)（\(item.who)）")
        }
        console.info(pending.isEmpty ? "所有通知都已签发。" : "共 \(pending.count) 篇通知尚未签发。")
    }
}

extension Build {
    /// Says which drafts and scheduled notices this build left out.
    static func printHeldBack(_ report: BuildReport, console: Console) {
        if !report.drafts.isEmpty {
            console.info("有 \(report.drafts.count) 篇草稿没有发布（draft: true）：\(report.drafts.map(\.sourcePath).joined(separator: "、"))")
        }
        for notice in report.scheduled {
            console.info("定时发布：\(notice.sourcePath)“\(notice.title)”将于 \(notice.publishAt) 发布，届时重新运行 gongshi build")
        }
    }

    /// For the kill tests: the build kills itself with SIGKILL at a named point (`checked`, `staged`, `swapped`,
    /// `recorded`) or after `page:N` notice pages, so an interruption lands exactly there.
    static func killForTests(at point: String, _ options: inout BuildOptions) {
        if point.hasPrefix("page:"), let pages = Int(point.dropFirst(5)) {
            options.progress = { done, _ in if done == pages { kill(getpid(), SIGKILL) } }
        } else {
            options.checkpoint = { if $0.rawValue == point { kill(getpid(), SIGKILL) } }
        }
    }
}
