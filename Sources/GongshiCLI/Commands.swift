import GongshiCore
import GongshiContent
import GongshiBuild
import GongshiAuthoring
import ArgumentParser
import Foundation
import GongshiServe

public struct GongshiCommand: AsyncParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "gongshi",
        abstract: "公示：把巡察整改通报（Markdown + front matter）生成为可直接发布的静态网站。",
        discussion: """
        常用流程：gongshi init 网站文件夹 → gongshi new "标题" → gongshi check → gongshi build（或 gongshi serve 边改边看）。

        退出状态：
          0   成功（可能有警告）
          1   内容或模板有错误（输出文件夹保持原样），或 init/new/import 拒绝覆盖已有文件、无法读取输入
          2   gongshi check --strict 发现警告
          64  命令行参数有误
        """,
        subcommands: [Build.self, Check.self, Init.self, New.self, Serve.self, Import.self]
    )
}

struct SiteOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("网站文件夹（含 content/）。默认：当前文件夹", valueName: "DIR"))
    var site: String = "."

    @Option(name: .customLong("max-file-size"), help: ArgumentHelp("单个通知文件的大小上限（MB）。默认：10", valueName: "MB"))
    var maxFileSizeMB: Int = 10

    var maxFileSize: Int { maxFileSizeMB * 1024 * 1024 }

    func validate() throws {
        if maxFileSizeMB < 1 { throw ValidationError("--max-file-size 必须是正整数（单位 MB）") }
    }

    var url: URL { URL(fileURLWithPath: site, isDirectory: true) }
    var layout: SiteLayout { SiteLayout(root: url) }
}

struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "只显示错误")
    var quiet = false

    @Flag(name: .shortAndLong, help: "显示更多过程信息")
    var verbose = false

    var console: Console { Console(quiet: quiet, verbose: verbose) }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "生成网站：读取 content/ 和 templates/，写入输出文件夹。")

    @OptionGroup var siteOption: SiteOption
    @OptionGroup var outputOptions: OutputOptions

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
                                   maxFileSize: siteOption.maxFileSize, baseURL: baseURL)
        options.progress = console.progressReporter(label: "正在生成通知页", started: started)
        options.reuseUnchangedOutput = !force
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

    func run() throws {
        let (noticeCount, diagnostics) = SiteBuilder.check(siteOption.layout, maxFileSize: siteOption.maxFileSize)
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

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "新建一个网站文件夹：网站设置、一篇示例通知和可修改的默认模板。")

    @Argument(help: ArgumentHelp("要创建的网站文件夹", valueName: "DIR"))
    var folder: String

    @Flag(name: .long, help: "文件夹不是空的也继续，并覆盖同名文件")
    var force = false

    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        let console = outputOptions.console
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        do {
            let written = try SiteScaffold.create(at: url, today: .today(), force: force)
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

    @Option(name: .long, help: ArgumentHelp("发布单位。默认取标题中“关于”之前的部分", valueName: "ORG"))
    var org: String?

    @Option(name: .long, help: ArgumentHelp("网址名（也是文件名）。默认：日期加标题的短哈希", valueName: "SLUG"))
    var slug: String?

    @Option(name: .long, help: ArgumentHelp("发布日期 YYYY-MM-DD。默认：今天", valueName: "DATE"))
    var date: String?

    func validate() throws {
        if let date, CalendarDate(date) == nil { throw ValidationError("日期“\(date)”应写成 YYYY-MM-DD，例如 2025-07-28") }
    }

    func run() throws {
        let console = outputOptions.console
        do {
            let url = try NoticeScaffold.create(in: siteOption.layout, title: title, org: org,
                                                date: date.flatMap(CalendarDate.init) ?? .today(), slug: slug)
            console.info("""
            已新建通知 \(siteOption.layout.displayPath(url))。
            请打开这个文件，填写巡察情况、问题清单和正文；写完后运行 gongshi check 检查。
            """)
        } catch let error as ScaffoldError {
            console.error(error.description)
            throw ExitCode(1)
        }
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "导入已有的通知（Word .docx，或 UTF-8、GB18030/GBK 编码的纯文本）：每个文件生成一篇带 front matter 的通知。",
        discussion: "逐个列出写入的文件、找到的字段和需要人工填写的字段。不覆盖已有文件，除非加 --force。")

    @Argument(help: ArgumentHelp("要导入的文件", valueName: "FILE"))
    var files: [String]

    @OptionGroup var siteOption: SiteOption
    @OptionGroup var outputOptions: OutputOptions

    @Flag(name: .long, help: "覆盖已存在的同名通知文件")
    var force = false

    func run() throws {
        let console = outputOptions.console
        var failed = 0
        for file in files {
            let url = URL(fileURLWithPath: file)
            do {
                let written = try NoticeImport.importFile(url, into: siteOption.layout, force: force)
                console.info("\(file) → \(siteOption.layout.displayPath(written.path))（编码：\(written.encoding.rawValue)）")
                console.info("  找到：\(written.result.found.joined(separator: "、"))")
                if !written.result.missing.isEmpty { console.info("  未找到，请人工填写：\(written.result.missing.joined(separator: "、"))") }
                if !written.result.anonymizedDates.isEmpty { console.info("  原文中有隐去的日期，已保留：\(written.result.anonymizedDates.joined(separator: "、"))") }
            } catch let error as ScaffoldError {
                console.error("\(file)：\(error.description)")
                failed += 1
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "本机预览：生成网站并在 127.0.0.1 上提供访问，修改 content/ 或 templates/ 后自动重新生成并刷新页面。")

    @OptionGroup var siteOption: SiteOption
    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("端口。0 表示自动选择空闲端口", valueName: "PORT"))
    var port: UInt16 = 8000

    func run() async throws {
        let console = outputOptions.console
        let server = PreviewServer(site: siteOption.url, port: port) { event in
            switch event.kind {
            case .built(let report, let seconds):
                console.print(diagnostics: report.diagnostics)
                console.info("已生成 \(report.noticeCount) 篇通知（\(String(format: "%.2f", seconds)) 秒）")
            case .failed(let diagnostics):
                console.print(diagnostics: diagnostics)
                console.error("生成失败：发现 \(diagnostics.errors.count) 个错误。浏览器中显示错误页；修改保存后会自动重新生成。")
            }
        }
        let task = Task { try await server.run() }
        try await server.waitUntilReady()
        if let actual = await server.port() {
            console.info("正在预览：http://127.0.0.1:\(actual)/ （按 Ctrl+C 停止）")
        }
        try await task.value
    }
}

/// Terminal output: diagnostics and errors to standard error, information to standard output,
/// colour only when standard error is a terminal.
struct Console: Sendable {
    var quiet = false
    var verbose = false
    let colour = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    let interactive = isatty(STDERR_FILENO) == 1

    func info(_ text: String) {
        guard !quiet else { return }
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    func summary(_ text: String) {
        write(colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text)
    }

    func error(_ text: String) {
        write(colour ? "\u{1B}[31m\(text)\u{1B}[0m" : text)
    }

    func print(diagnostics: [Diagnostic]) {
        for d in diagnostics.sortedForDisplay() where !(quiet && d.severity == .warning) {
            guard colour else { write(d.description); continue }
            let code = d.severity == .error ? "31" : "33"
            write(d.description.replacingOccurrences(of: ": \(d.severity.label): ", with: ": \u{1B}[\(code)m\(d.severity.label)\u{1B}[0m: "))
        }
    }

    /// A one-line progress display for builds that take more than a moment (terminals only).
    func progressReporter(label: String, started: Date) -> (@Sendable (Int, Int) -> Void)? {
        guard interactive, !quiet else { return nil }
        return { done, total in
            guard Date().timeIntervalSince(started) > 0.5, done % 50 == 0 || done == total else { return }
            FileHandle.standardError.write(Data("\r\(label) \(done)/\(total)".utf8))
        }
    }

    func endProgress() {
        guard interactive, !quiet else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

extension GongshiCommand {
    /// Parses the program's arguments and runs the command they name: the executable's entry point.
    public static func runFromCommandLine() async {
        do {
            var command = try await asyncParseAsRoot(nil)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
