import Foundation
import Testing
@testable import GongshiCore
@testable import GongshiMarkdown
@testable import GongshiContent
@testable import GongshiRender
@testable import GongshiOutput
@testable import GongshiBuild
@testable import GongshiAuthoring

/// The built `gongshi` executable: it sits beside the test binary in the build folder.
func gongshiExecutable() throws -> URL {
    let candidates = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        .flatMap { [$0.appendingPathComponent("gongshi"), $0.deletingLastPathComponent().appendingPathComponent("gongshi")] }
    return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
                        "gongshi executable not found near \(candidates)")
}

/// Runs the built `gongshi` executable and waits for it.
func runGongshi(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = try gongshiExecutable()
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    if let folder { process.currentDirectoryURL = folder }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}

@Suite("The gongshi command")
struct CommandLineTests {
    @Test func helpAndArgumentErrorsAreInChinese() throws {
        let help = try runGongshi(["build", "--help"])
        #expect(help.status == 0)
        for heading in ["说明：", "用法：", "选项：", "显示帮助信息。", "--now <TIME>"] { #expect(help.stdout.contains(heading), "\(help.stdout)") }
        for english in ["USAGE:", "OPTIONS:", "Show help information.", "(default:"] { #expect(!help.stdout.contains(english)) }
        let wrong = try runGongshi(["build", "--bogus"])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("错误：未知选项 '--bogus'"), "\(wrong.stderr)")
        #expect(wrong.stderr.contains("查看说明：gongshi build --help"))
    }

    @Test func buildDefaultsToTheCurrentFolderAndPublic() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText())
        let result = try runGongshi(["build"], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("已生成 1 篇通知"))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("notices/a/index.html").path))
    }

    @Test func buildWithSiteAndOutputOptions() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText())
        let elsewhere = site.root.appendingPathComponent("out/www")
        let result = try runGongshi(["build", "--site", site.root.path, "--output", elsewhere.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("index.html").path))
    }

    @Test func brokenSiteExitsNonZeroWithFileLineMessagesInChinese() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText(date: "2025-02-30"))
        try site.notice("b.md", noticeText(extra: "problems:\n  - title: 甲\n    status: 完事"))
        let result = try runGongshi(["build", "--site", site.root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/notices/a.md:4:7: 错误: 字段 “date”：日期“2025-02-30”不存在"))
        #expect(result.stderr.contains("content/notices/b.md:7:13: 错误:"))
        #expect(result.stderr.contains("发现 2 个错误，输出文件夹未改动"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func helpDocumentsExitCodes() throws {
        let result = try runGongshi(["--help"])
        #expect(result.stdout.contains("退出状态"))
        #expect(result.stdout.contains("build"))
    }
}
