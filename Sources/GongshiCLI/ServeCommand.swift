import GongshiCore
import GongshiContent
import GongshiBuild
import GongshiAuthoring
import ArgumentParser
import Foundation
import GongshiServe

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "本机预览：生成网站并在 127.0.0.1 上提供访问，修改 content/ 或 templates/ 后、到了定时发布或公示期结束等时刻，自动重新生成并刷新页面。")

    @OptionGroup var siteOption: SiteOption
    @OptionGroup var outputOptions: OutputOptions
    @OptionGroup var timeOption: TimeOption

    @Option(name: .shortAndLong, help: ArgumentHelp("端口。0 表示自动选择空闲端口", valueName: "PORT"))
    var port: UInt16 = 8000

    func run() async throws {
        let console = outputOptions.console
        let server = PreviewServer(site: siteOption.url, port: port, now: timeOption.now == nil ? nil : timeOption.moment, onEvent: { event in
            switch event.kind {
            case .built(let report, let seconds):
                console.print(diagnostics: report.diagnostics)
                console.info("已生成 \(report.noticeCount) 篇通知（\(String(format: "%.2f", seconds)) 秒）")
            case .failed(let diagnostics):
                console.print(diagnostics: diagnostics)
                console.error("生成失败：发现 \(diagnostics.errors.count) 个错误。浏览器中显示错误页；修改保存后会自动重新生成。")
            }
        })
        let task = Task { try await server.run() }
        try await server.waitUntilReady()
        if let actual = await server.port() {
            console.info("正在预览：http://127.0.0.1:\(actual)/ （按 Ctrl+C 停止）")
        }
        try await task.value
    }
}

