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
func startBuild(_ site: TempSite) throws -> Process {
    let process = Process()
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
        // How long the build the signals interrupt takes: the same program, from the same starting point, under
        // whatever else the machine is doing now (timing the in-process build instead let kills miss it).
        let started = Date()
        let calibration = try startBuild(site)
        calibration.waitUntilExit()
        let buildTime = Date().timeIntervalSince(started)
        #expect(snapshot(site.output) == new)

        // Kill points spread over the length of a build, with each signal a clerk or a supervisor might send.
        let points: [(Int32, Double)] = [(SIGKILL, 0.02), (SIGKILL, 0.25), (SIGKILL, 0.5), (SIGKILL, 0.75), (SIGKILL, 0.95),
                                         (SIGTERM, 0.4), (SIGINT, 0.6)]
        var interrupted = 0
        for (signal, fraction) in points {
            try FileManager.default.removeItem(at: site.output)
            try FileManager.default.copyItem(at: oldFolder, to: site.output)
            let process = try startBuild(site)
            Thread.sleep(forTimeInterval: buildTime * fraction)
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { interrupted += 1 }
            let after = snapshot(site.output)
            #expect(after == old || after == new, "output is neither the old nor the new build after signal \(signal) at \(fraction) of a build")
        }
        #expect(interrupted >= 4, "most kills should land while the build runs")

        // The next build repairs whatever the killed ones left and publishes the new content.
        try site.build()
        #expect(snapshot(site.output) == new)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".public.staging") || $0.hasPrefix(".public.previous") }
        #expect(leftovers.isEmpty)
    }
}
