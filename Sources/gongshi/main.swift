import ArgumentParser
import Foundation
import Gongshi

@main
struct GongshiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongshi",
        abstract: "公示：把巡察整改通报（Markdown + front matter）生成为可直接发布的静态网站。",
        discussion: """
        退出状态：
          0  成功（可能有警告）
          1  内容或模板有错误，输出文件夹保持原样
          64 命令行参数有误
        """,
        subcommands: [Build.self],
        defaultSubcommand: nil
    )
}

struct SiteOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("网站文件夹（含 content/）。默认：当前文件夹", valueName: "DIR"))
    var site: String = "."

    var url: URL { URL(fileURLWithPath: site, isDirectory: true) }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "生成网站：读取 content/ 和 templates/，写入输出文件夹。")

    @OptionGroup var siteOption: SiteOption

    @Option(name: .long, help: ArgumentHelp("输出文件夹。默认：<网站文件夹>/public", valueName: "DIR"))
    var output: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("网站对外地址（含子路径），覆盖 site.yaml 的 baseURL，用于预览", valueName: "URL"))
    var baseURL: String?

    func run() throws {
        let started = Date()
        let options = BuildOptions(site: siteOption.url, output: output.map { URL(fileURLWithPath: $0, isDirectory: true) },
                                   baseURL: baseURL)
        do {
            let report = try SiteBuilder.build(options)
            Terminal.print(diagnostics: report.diagnostics)
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            print("已生成 \(report.noticeCount) 篇通知，共写入 \(report.filesWritten) 个文件，用时 \(seconds) 秒 → \(report.output.path)")
        } catch let failure as BuildFailure {
            Terminal.print(diagnostics: failure.diagnostics)
            let count = failure.diagnostics.errors.count
            Terminal.error("生成失败：发现 \(count) 个错误，输出文件夹未改动。请按上面的提示修改后重新运行。")
            throw ExitCode(1)
        }
    }
}

enum Terminal {
    static func print(diagnostics: [Diagnostic]) {
        for d in diagnostics.sortedForDisplay() { error(d.description) }
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
