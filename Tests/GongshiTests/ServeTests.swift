import Foundation
import Testing
@testable import GongshiCore
@testable import GongshiMarkdown
@testable import GongshiContent
@testable import GongshiRender
@testable import GongshiOutput
@testable import GongshiBuild
@testable import GongshiAuthoring
@testable import GongshiServe
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// GET on loopback; returns status and body.
func fetch(_ url: String) async throws -> (status: Int, body: String) {
    var request = URLRequest(url: URL(string: url)!)
    request.cachePolicy = .reloadIgnoringLocalCacheData
    request.timeoutInterval = 5
    let (data, response) = try await URLSession.shared.data(for: request)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
}

/// Polls `condition` every 100 ms for at most `seconds`.
func eventually(within seconds: Double = 10, _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(100))
    }
    return false
}

@Suite("gongshi serve")
struct ServeTests {
    @Test func servesRebuildsAfterAChangeAndSurvivesABrokenEdit() async throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText(title: "第一版标题关于整改的通报", extra: "slug: a"))
        let server = PreviewServer(site: site.root, port: 0, pollInterval: .milliseconds(100))
        let task = Task { try await server.run() }
        defer { task.cancel() }
        try await server.waitUntilReady()
        let port = try #require(await server.port())
        let base = "http://127.0.0.1:\(port)/"

        let first = try await fetch(base + "notices/a/")
        #expect(first.status == 200)
        #expect(first.body.contains("第一版标题关于整改的通报"))
        #expect(first.body.contains("/__gongshi/reload.js"))
        let version = try await fetch(base + "__gongshi/version").body

        // An edit is picked up and the reload version changes.
        try site.notice("a.md", noticeText(title: "第二版标题关于整改的通报", extra: "slug: a"))
        #expect(try await eventually { try await fetch(base + "notices/a/").body.contains("第二版标题关于整改的通报") })
        #expect(try await fetch(base + "__gongshi/version").body != version)

        // A broken edit: the browser gets an error page naming the file and line; the server keeps running.
        try site.notice("a.md", "---\ntitle: 标题\norg: 单位\ndate: 2025-02-30\n---\n")
        #expect(try await eventually { try await fetch(base + "notices/a/").status == 500 })
        let errorPage = try await fetch(base + "notices/a/")
        #expect(errorPage.body.contains("生成失败"))
        #expect(errorPage.body.contains("content/notices/a.md:4:7"))

        // Fixing it brings the site back.
        try site.notice("a.md", noticeText(title: "第三版标题关于整改的通报", extra: "slug: a"))
        #expect(try await eventually { try await fetch(base + "notices/a/").body.contains("第三版标题关于整改的通报") })
        #expect(try await fetch(base + "no/such/page/").status == 404)
        #expect(try await fetch(base + "assets/style.css").status == 200)
    }

    /// With nothing edited, the preview still follows the clock: when a 公示期 ends, the page says so.
    @Test func rebuildsWhenTheClockPassesATurningPoint() async throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText(date: "2026-11-16", extra: "slug: a\nperiod:\n  start: 2026-11-16\n  end: 2026-11-27"))
        let clock = MovingClock(Moment("2026-11-20 09:00")!)
        let server = PreviewServer(site: site.root, port: 0, pollInterval: .milliseconds(100), clock: { clock.now })
        let task = Task { try await server.run() }
        defer { task.cancel() }
        try await server.waitUntilReady()
        let port = try #require(await server.port())
        let page = "http://127.0.0.1:\(port)/notices/a/"
        #expect(try await fetch(page).body.contains("（公示中）"))
        let version = try await fetch("http://127.0.0.1:\(port)/__gongshi/version").body

        clock.now = Moment("2026-11-27 23:59")!
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await fetch("http://127.0.0.1:\(port)/__gongshi/version").body == version, "no turning point passed yet")
        clock.now = Moment("2026-11-28 00:00")!
        #expect(try await eventually { try await fetch(page).body.contains("（公示期已结束）") })
    }

    @Test func refusesPathsOutsideTheOutput() async throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText())
        let server = PreviewServer(site: site.root, port: 0)
        let task = Task { try await server.run() }
        defer { task.cancel() }
        try await server.waitUntilReady()
        let port = try #require(await server.port())
        let status = try await fetch("http://127.0.0.1:\(port)/%2e%2e/%2e%2e/etc/passwd").status
        #expect(status == 403 || status == 404)
    }
}

/// A clock a test moves by hand.
final class MovingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var moment: Moment
    init(_ moment: Moment) { self.moment = moment }
    var now: Moment {
        get { lock.withLock { moment } }
        set { lock.withLock { moment = newValue } }
    }
}
