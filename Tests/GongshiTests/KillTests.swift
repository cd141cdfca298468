import Foundation
import Testing
@testable import GongshiCore
@testable import GongshiMarkdown
@testable import GongshiContent
@testable import GongshiRender
@testable import GongshiOutput
@testable import GongshiBuild
@testable import GongshiAuthoring

/// Starts `gongshi build` for `site`, returns the running process.
func startBuild(_ site: TempSite, environment: [String: String] = [:]) throws -> Process {
    let process = Process()
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    process.executableURL = try gongshiExecutable()
    process.arguments = ["build", "--site", site.root.path, "--quiet"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
}

@Suite("A build killed at any moment leaves the previous output complete", .serialized)
struct KillTests {
    func writeNotices(_ site: TempSite, version: Int, count: Int) throws {
        let body = String(repeating: "## 一、整改情况\n\n整改措施落实到位，建立长效机制。\n\n- 第一项\n- 第二项\n\n", count: 30)
        for i in 0..<count {
            try site.notice(String(format: "n%04d.md", i), noticeText(title: "第\(version)版第\(i)号关于整改的通报", date: String(format: "2025-%02d-%02d", 1 + i % 12, 1 + i % 28),
                                                                     extra: "slug: n\(i)\nproblems:\n  - title: 问题\n    status: done", body: body))
        }
    }

    @Test func killedBuildLeavesOldOrNewOutputComplete() throws {
        let site = try TempSite(config: "title: 中断测试\ncontact:\n  phone: [\"010-55550100\"]\n")
        defer { site.remove() }
        try writeNotices(site, version: 1, count: 400)
        try site.build()
        let oldFolder = site.root.appendingPathComponent("old-output")
        try FileManager.default.copyItem(at: site.output, to: oldFolder)
        let old = snapshot(oldFolder)

        // What the new content builds to, made elsewhere for comparison.
        try writeNotices(site, version: 2, count: 400)
        let reference = site.root.appendingPathComponent("reference")
        try SiteBuilder.build(BuildOptions(site: site.root, output: reference))
        let new = snapshot(reference)
        #expect(old != new)
        // Killed (SIGKILL, as by the OOM killer or a power cut) at each named point of a build and in the middle of
        // writing notice pages; SIGTERM and SIGINT in the middle too.
        let points = ["page:1", "page:200", "page:399", "checked", "staged", "swapped", "recorded"]
        for point in points {
            try FileManager.default.removeItem(at: site.output)
            try FileManager.default.copyItem(at: oldFolder, to: site.output)
            let process = try startBuild(site, environment: ["GONGSHI_TEST_KILL_AT": point])
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal, "the build should have been killed at \(point)")
            let after = snapshot(site.output)
            #expect(after == old || after == new, "output is neither the old nor the new build after a kill at \(point)")
            if point == "checked" || point.hasPrefix("page:") || point == "staged" { #expect(after == old, "\(point): not swapped yet") }
            if point == "swapped" || point == "recorded" { #expect(after == new, "\(point): already swapped") }
        }
        for signal in [SIGTERM, SIGINT] {
            try FileManager.default.removeItem(at: site.output)
            try FileManager.default.copyItem(at: oldFolder, to: site.output)
            let process = try startBuild(site)
            // Sent as soon as the build has started writing pages: the progress line is not printed with --quiet,
            // so wait for the staging folder to appear.
            let staging = site.root.appendingPathComponent(".public.staging")
            for _ in 0..<2_000 where !FileManager.default.fileExists(atPath: staging.path) && process.isRunning { Thread.sleep(forTimeInterval: 0.005) }
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            let after = snapshot(site.output)
            #expect(after == old || after == new, "output is neither the old nor the new build after signal \(signal)")
        }

        // The next build repairs whatever the killed ones left and publishes the new content.
        try site.build()
        #expect(snapshot(site.output) == new)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".public.staging") || $0.hasPrefix(".public.previous") }
        #expect(leftovers.isEmpty)
    }

    /// A build killed after staging every page leaves its staging folder; the next build works in it and must not
    /// publish a page it no longer makes.
    @Test func aPageLeftInAKilledBuildsStagingFolderIsNotPublished() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText(extra: "slug: a"))
        try site.notice("b.md", noticeText(title: "第二篇通知", extra: "slug: b"))
        try site.build()
        try site.notice("a.md", noticeText(title: "改过的通知", extra: "slug: a"))
        let process = try startBuild(site, environment: ["GONGSHI_TEST_KILL_AT": "staged"])
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let staged = site.root.appendingPathComponent(".public.staging/notices/b/index.html")
        #expect(FileManager.default.fileExists(atPath: staged.path), "the killed build should have left its staging folder")

        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/notices/b.md"))
        try site.build()
        let files = snapshot(site.output).keys
        #expect(files.contains("notices/a/index.html"))
        #expect(!files.contains("notices/b/index.html"))
    }
}
