import Foundation
import Testing
@testable import GongshiCore
@testable import GongshiMarkdown
@testable import GongshiContent
@testable import GongshiRender
@testable import GongshiOutput
@testable import GongshiBuild
@testable import GongshiAuthoring

@Suite("Building the example site")
struct ExampleSiteTests {
    var output: URL { ExampleSite.output }
    var report: BuildReport { ExampleSite.report }

    func page(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func writesEveryPageWarningOnlyAboutWhatTheExampleShowsOnPurpose() throws {
        // As of the reference time the example shows, on purpose, an overdue problem (shuiwu-2026; the older
        // jiaogongwei-2025 has been superseded by a later notice of its inspection, so its open problems are not
        // warned about) and a unit that has not published its rectification in time. Nothing else may be wrong.
        let messages = report.diagnostics.map { "\($0.file):\($0.line) \($0.message)" }
        #expect(report.diagnostics.allSatisfy { $0.severity == .warning }, "\(messages)")
        #expect(messages.count == 2, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("content/notices/shuiwu-2026.md:27 ") && $0.contains("逾期") })
        #expect(messages.contains { $0.hasPrefix("content/notices/minzheng-fankui-2025.md:13 ") && $0.contains("仍没有公开整改情况") })
        #expect(report.noticeCount >= 5)
        let files = snapshot(output).keys.sorted()
        #expect(files.contains("index.html"))
        #expect(files.contains("assets/style.css"))
        // Every published notice has a page, and so does the withdrawn one (saying it was withdrawn).
        #expect(files.filter { $0.hasPrefix("notices/") && $0.hasSuffix("/index.html") }.count == report.noticeCount + 1)
    }

    @Test func noticePageShowsEveryBlock() throws {
        let html = try page("notices/jiaogongwei-2025/index.html")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        // breadcrumb, title, metadata line
        #expect(html.contains("<nav class=\"breadcrumb\" aria-label=\"当前位置\">"))
        #expect(html.contains("<h1>中共示例区教育工作委员会关于巡察整改进展情况的通报</h1>"))
        #expect(html.contains("发布单位：中共示例区教育工作委员会"))
        #expect(html.contains("<time datetime=\"2025-07-28\">2025年7月28日</time>"))
        // inspection box
        #expect(html.contains("<dt>巡察组</dt><dd>区委第二巡察组</dd>"))
        #expect(html.contains("<dt>巡察时间</dt><dd>2024年12月5日至2025年1月24日</dd>"))
        #expect(html.contains("<dt>反馈时间</dt><dd><time datetime=\"2025-03-11\">2025年3月11日</time></dd>"))
        // body through libcmark
        #expect(html.contains("<h2>一、整改工作的组织开展情况</h2>"))
        // progress: table with categories and a partial status, summary and bar
        #expect(html.contains("<th scope=\"col\">问题类别</th>"))
        #expect(html.contains("<span class=\"status status-partial\">阶段性成效</span>"))
        #expect(html.contains("共 5 个问题，已完成整改 3 个，取得阶段性成效 1 个，持续推进 1 个，完成率 60%"))
        #expect(html.contains("style=\"width: 60%\""))
        // feedback block
        #expect(html.contains("<a href=\"tel:01055550123\">010-55550123</a>"))
        #expect(html.contains("href=\"mailto:jgw-xczg@example.gov.cn?subject=%E5%85%B3%E4%BA%8E"))
        #expect(html.contains("邮政编码：100988"))
        #expect(html.contains("请在信封上注明“关于巡察整改落实情况的意见建议”"))
        // signature and neighbours
        #expect(html.contains("<span class=\"signature-date\">2025年7月22日</span>"))
        #expect(html.contains("上一篇：<a href=\"../../notices/weishengjian-2025/\">"))
        #expect(html.contains("下一篇：<a href=\"../../notices/wenlv-2025/\">"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"../../assets/style.css\">"))
    }

    @Test func summaryCountsWithoutAListAndSeveralPhonesWithoutEmail() throws {
        let html = try page("notices/shizhongxue-2024/index.html")
        #expect(html.contains("共 28 个问题，已完成整改 18 个，取得阶段性成效 10 个，完成率 64%"))
        #expect(!html.contains("<table"))
        #expect(html.contains("<a href=\"tel:01055550210\">010-55550210</a>、<a href=\"tel:01055550211\">010-55550211</a>、"))
        #expect(!html.contains("mailto:"))
        #expect(html.contains("栏目：学校党建"))
    }

    @Test func noticeWithoutInspectionHasNoInspectionBoxAndUsesTheSiteContact() throws {
        let html = try page("notices/wenlv-2025/index.html")
        #expect(!html.contains("巡察情况"))
        #expect(!html.contains("id=\"progress-heading\""))
        #expect(html.contains("xczg@example.gov.cn"))
    }

    @Test func indexListsNoticesNewestFirstWithOrgDateAndPercent() throws {
        let html = try page("index.html")
        let order = ["wenlv-2025", "jiaogongwei-2025", "weishengjian-2025", "shizhongxue-2024", "dongfeng-jiedao-2023"]
        let positions = order.map { html.range(of: "notices/\($0)/")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(html.contains("整改完成率 100%"))
        #expect(html.contains("<span>中共示例区卫生健康委员会党组</span>"))
    }

    @Test func noExternalResources() throws {
        for (path, data) in snapshot(output) where path.hasSuffix(".html") || path.hasSuffix(".css") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("src=\"http"), "\(path)")
            #expect(!text.contains("src=\"//"), "\(path)")
            #expect(!text.contains("<link rel=\"stylesheet\" href=\"http"), "\(path)")
            #expect(!text.contains("@import"), "\(path)")
            #expect(!text.contains("url(http"), "\(path)")
        }
    }
}

@Suite("Builds that fail leave the published output alone")
struct FailedBuildTests {
    @Test func brokenNoticesAreAllReportedAndOutputIsUnchanged() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("good.md", noticeText())
        try site.build()
        let before = snapshot(site.output)
        #expect(!before.isEmpty)

        try site.notice("bad-yaml.md", "---\ntitle: 标题\norg: 单位: 冒号\ndate: 2025-07-28\n---\n")
        try site.notice("bad-date.md", noticeText(date: "2025-13-01"))
        try site.notice("bad-status.md", noticeText(extra: "problems:\n  - title: 甲\n    status: 差不多"))
        try site.notice("no-title.md", "---\norg: 单位\ndate: 2025-07-28\n---\n")
        let errors = site.failingBuild().errors
        #expect(Set(errors.map(\.file)) == ["content/notices/bad-yaml.md", "content/notices/bad-date.md",
                                            "content/notices/bad-status.md", "content/notices/no-title.md"])
        #expect(errors.allSatisfy { $0.line > 0 })
        #expect(snapshot(site.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".public.staging") || $0.hasPrefix(".public.previous") }
        #expect(leftovers.isEmpty, "staging folder left behind: \(leftovers)")
    }

    @Test func missingSiteConfigSaysWhatToCreate() throws {
        let site = try TempSite()
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.layout.configFile)
        let errors = site.failingBuild().errors
        #expect(errors.count == 1)
        #expect(errors[0].message.contains("content/site.yaml"))
    }

    @Test(arguments: ["", "content", "templates", ".."])
    func refusesAnOutputThatWouldReplaceTheSources(relative: String) throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText())
        let output = relative.isEmpty ? site.root : site.root.appendingPathComponent(relative)
        #expect(throws: BuildFailure.self) { try SiteBuilder.build(BuildOptions(site: site.root, output: output)) }
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/notices/a.md").path))
    }

    @Test func hiddenFilesAndEditorBackupsAreSkipped() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText())
        try site.notice(".#a.md", "garbage")
        try site.notice("a.md~", "garbage")
        try site.notice(".DS_Store", "garbage")
        let report = try site.build()
        #expect(report.noticeCount == 1)
    }
}

@Suite("Deterministic output")
struct DeterminismTests {
    @Test func twoBuildsOfTheSameInputAreByteIdentical() throws {
        let a = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-det-a-\(UUID().uuidString)")
        let b = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-det-b-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        try SiteBuilder.build(BuildOptions(site: repositoryRoot, output: a, now: referenceTime))
        try SiteBuilder.build(BuildOptions(site: repositoryRoot, output: b, now: referenceTime))
        let first = snapshot(a), second = snapshot(b)
        #expect(!first.isEmpty)
        #expect(first == second)
    }

    @Test func parallelBuildWritesTheSameBytesAsASingleThreadedOne() throws {
        let site = try makeListSite(count: 300)
        defer { site.remove() }
        let serial = site.root.appendingPathComponent("serial")
        let parallel = site.root.appendingPathComponent("parallel")
        try Parallelism.$enabled.withValue(false) {
            try SiteBuilder.build(BuildOptions(site: site.root, output: serial))
        }
        try SiteBuilder.build(BuildOptions(site: site.root, output: parallel))
        let a = snapshot(serial), b = snapshot(parallel)
        #expect(a.count > 300)
        #expect(a == b)
    }

    @Test func unchangedFilesKeepTheirModificationTime() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText(extra: "slug: a"))
        try site.notice("b.md", noticeText(title: "另一单位关于整改的通报", date: "2024-01-01", extra: "slug: b"))
        try site.build()
        func modified(_ path: String) throws -> Date {
            try FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent(path).path)[.modificationDate] as! Date
        }
        let before = (css: try modified("assets/style.css"), a: try modified("notices/a/index.html"))
        Thread.sleep(forTimeInterval: 1.1)   // file systems may keep whole seconds
        try site.notice("a.md", noticeText(extra: "slug: a", body: "改过的正文。"))
        let report = try site.build()
        #expect(try modified("assets/style.css") == before.css)
        #expect(try modified("notices/a/index.html") != before.a)
        #expect(try site.read("notices/a/index.html").contains("改过的正文。"))
        #expect(report.filesUnchanged > 0 && report.filesUnchanged < report.filesWritten)
    }

    @Test func buildWithNothingChangedStopsEarlyAndAnyEditRebuilds() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText(extra: "slug: a"))
        #expect(try site.build().upToDate == false)
        let second = try site.build()
        #expect(second.upToDate)
        #expect(second.noticeCount == 1)
        try site.notice("a.md", noticeText(extra: "slug: a", body: "新的正文。"))
        let third = try site.build()
        #expect(third.upToDate == false)
        #expect(try site.read("notices/a/index.html").contains("新的正文。"))
        try site.write("templates/assets/extra.css", "p{}")
        #expect(try site.build().upToDate == false)
        #expect(try site.build().upToDate)
        // An output replaced by hand is never taken as up to date.
        try FileManager.default.removeItem(at: site.output)
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try "<p>手工放入的页面</p>".write(to: site.output.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        #expect(try site.build().upToDate == false)
        #expect(try site.read("index.html").contains("<!DOCTYPE html>"))
        var forced = BuildOptions(site: site.root)
        forced.reuseUnchangedOutput = false
        #expect(try SiteBuilder.build(forced).upToDate == false)
    }

    @Test func rebuildReplacesTheOutputAndDropsRemovedNotices() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText(extra: "slug: a"))
        try site.notice("b.md", noticeText(extra: "slug: b"))
        try site.build()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/notices/b.md"))
        try site.build()
        let files = snapshot(site.output).keys
        #expect(files.contains("notices/a/index.html"))
        #expect(!files.contains("notices/b/index.html"))
    }
}

@Suite("Incremental builds")
struct IncrementalBuildTests {
    /// After each edit, a build that reuses the cache must write exactly what a clean build writes.
    @Test func everyKindOfEditGivesTheSameOutputAsACleanBuild() throws {
        let site = try makeListSite(count: 40)
        defer { site.remove() }
        let clean = site.root.appendingPathComponent("clean")
        func expectSameAsClean(_ step: String) throws -> BuildReport {
            let report = try site.build()
            var fresh = BuildOptions(site: site.root, output: clean)
            fresh.reuseUnchangedOutput = false
            try? FileManager.default.removeItem(at: clean)
            try SiteBuilder.build(fresh)
            let incremental = snapshot(site.output), full = snapshot(clean)
            #expect(incremental.count == full.count, "\(step)")
            for (path, data) in full where incremental[path] != data {
                Issue.record("\(step): \(path) differs from a clean build")
            }
            return report
        }
        _ = try expectSameAsClean("first build")
        let names = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("content/notices").path).sorted()
        let edited = names[5]
        let text = try String(contentsOf: site.root.appendingPathComponent("content/notices/\(edited)"), encoding: .utf8)

        try site.notice(edited, text + "\n补充一段正文。\n")
        let bodyEdit = try expectSameAsClean("body edited")
        // Only the edited page and the files every build remakes (search index, feed, …) were rewritten; the other
        // notice pages and the list pages were kept without being rendered.
        #expect(bodyEdit.filesUnchanged > bodyEdit.filesWritten - 20, "\(bodyEdit.filesUnchanged) of \(bodyEdit.filesWritten)")
        #expect(bodyEdit.pagesReused >= 39, "\(bodyEdit.pagesReused)")

        try site.notice(edited, text.replacingOccurrences(of: "title: ", with: "title: 改名后的"))
        _ = try expectSameAsClean("title edited (neighbours and lists show it)")
        try site.notice(edited, text.replacingOccurrences(of: "status: done", with: "status: ongoing"))
        _ = try expectSameAsClean("status edited (the percent on every list showing it)")
        try site.notice(edited, text.replacingOccurrences(of: "column: ", with: "documentNumber: 测〔2025〕1号\ncolumn: "))
        _ = try expectSameAsClean("document number added (the 信息公开目录 shows it)")
        try site.notice(edited, text.replacingOccurrences(of: "column: ", with: "column: 新"))
        _ = try expectSameAsClean("column edited (a new column in every page's navigation)")
        try site.notice("zz-new.md", noticeText(title: "新增的通知", date: "2030-01-01", extra: "slug: zz-new",
                                                body: "见[另一篇](\(names[0]))。"))
        _ = try expectSameAsClean("notice added")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/notices/\(names[0])"))
        try site.notice("zz-new.md", noticeText(title: "新增的通知", date: "2030-01-01", extra: "slug: zz-new", body: "正文。"))
        _ = try expectSameAsClean("linked notice removed")
        try site.write("templates/notice-item.mustache", "<li>{{title}}</li>")
        _ = try expectSameAsClean("template changed")
        try site.write("content/site.yaml", TempSite.minimalConfig + "\ndescription: 新的网站说明\n")
        _ = try expectSameAsClean("settings changed")
    }

    /// The cache's search tokens are appended for changed notices and written again with only those in use once
    /// most of the file is stale; the search index stays what a clean build makes.
    @Test func searchTokensAreAppendedAndCompactedWithoutChangingTheIndex() throws {
        let site = try makeListSite(count: 12)
        defer { site.remove() }
        let tokens = OutputFolders(output: site.output).cache.appendingPathComponent("tokens.bin")
        func size() throws -> Int { try FileManager.default.attributesOfItem(atPath: tokens.path)[.size] as! Int }
        try site.build()
        let first = try size()
        let notices = site.root.appendingPathComponent("content/notices")
        let names = try FileManager.default.contentsOfDirectory(atPath: notices.path).sorted()
        try site.notice(names[0], try String(contentsOf: notices.appendingPathComponent(names[0]), encoding: .utf8) + "\n追加的第一句。\n")
        try site.build()
        #expect(try size() > first)   // one record appended, none rewritten
        for round in 1...3 {
            for name in names {
                try site.notice(name, try String(contentsOf: notices.appendingPathComponent(name), encoding: .utf8) + "\n第\(round)轮补充说明。\n")
            }
            try site.build()
        }
        #expect(try size() < first * 2)   // compacted: only the twelve notices in use are left
        let clean = site.root.appendingPathComponent("clean")
        var fresh = BuildOptions(site: site.root, output: clean)
        fresh.reuseUnchangedOutput = false
        try SiteBuilder.build(fresh)
        let built = snapshot(site.output), expected = snapshot(clean)
        #expect(built.filter { $0.key.hasPrefix("search/") } == expected.filter { $0.key.hasPrefix("search/") })
    }

    /// Token records are read back one by one from the file; a file cut short (a build stopped mid-write) is not read.
    @Test func tokenRecordsRoundTripAndACutFileIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-tokens-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("tokens.bin")
        let first = SearchIndexBuilder.tokenSet(in: "巡察整改 Phase２"), second = SearchIndexBuilder.tokenSet(in: "回头看")
        let data = TokenStore.record(first, digest: 7) + TokenStore.record(second, digest: 9)
        try data.write(to: file)
        let store = TokenStore(contentsOf: file)
        #expect(store.tokens(for: 7) == first && store.tokens(for: 9) == second && store.tokens(for: 8) == nil)
        try data.dropLast().write(to: file)
        #expect(TokenStore(contentsOf: file).count == 0)
    }

    /// When the cache folder cannot take the tokens file (here a folder stands at its name, as a full disk or a
    /// permission would refuse it), the tokens stay in memory and the search index is what it would have been.
    @Test func searchIndexIsTheSameWhenTheTokensFileCannotBeWritten() throws {
        let site = try makeListSite(count: 12)
        defer { site.remove() }
        try site.build()
        let blocked = site.root.appendingPathComponent("blocked")
        let tokensFile = site.root.appendingPathComponent(".blocked.cache/tokens.bin")
        try FileManager.default.createDirectory(at: tokensFile, withIntermediateDirectories: true)
        try SiteBuilder.build(BuildOptions(site: site.root, output: blocked))
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: tokensFile.path, isDirectory: &isFolder) && isFolder.boolValue,
                "the build should have had to keep the tokens in memory")
        let expected = snapshot(site.output).filter { $0.key.hasPrefix("search/") }
        let made = snapshot(blocked).filter { $0.key.hasPrefix("search/") }
        #expect(expected.count > 2 && made == expected)
    }

    @Test func pageRecordsRoundTripAndACutFileIsRefused() {
        let records = ["index.html": PageRecord(key: 1, size: 2, modified: -3),
                       "orgs/整改办/page/2/index.html": PageRecord(key: .max, size: 12_345, modified: 1_795_412_848_706_241_970)]
        let data = PageRecord.encode(records)
        #expect(PageRecord.decode(data) == records)
        #expect(PageRecord.decode(data.dropLast()) == nil)
        #expect(PageRecord.decode(Data()) == [:])
    }

    @Test func aPageChangedByHandIsRenderedAgain() throws {
        let site = try makeListSite(count: 5)
        defer { site.remove() }
        try site.build()
        let slug = try #require(try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("notices").path).sorted().first)
        let page = site.output.appendingPathComponent("notices/\(slug)/index.html")
        let original = try Data(contentsOf: page)
        try "<p>手工改过</p>".write(to: page, atomically: false, encoding: .utf8)
        // An attachment added: a real build runs, but no page's inputs changed.
        try site.write("content/files/new.pdf", "%PDF-1.4")
        let report = try site.build()
        #expect(report.upToDate == false)
        #expect(try Data(contentsOf: page) == original)
    }

    @Test func warningsOfUnchangedNoticesAreStillReported() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText(extra: "slug: a", body: "联系人：某某。"))
        try site.notice("b.md", noticeText(title: "另一单位关于整改的通报", date: "2024-01-01", extra: "slug: b"))
        let first = try site.build()
        let warning = try #require(first.diagnostics.first { $0.file == "content/notices/a.md" && $0.message.contains("某某") })
        try site.notice("b.md", noticeText(title: "另一单位关于整改的通报", date: "2024-01-01", extra: "slug: b", body: "改过。"))
        let second = try site.build()
        #expect(second.diagnostics.contains(warning))
    }

    /// A file whose stamp (size, times, inode) is the one the last build recorded is taken from the cache unread,
    /// unless it was recorded too soon after the file was written to be sure of.
    @Test func anUntouchedFileIsTakenFromTheCacheWithoutReadingIt() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText(extra: "slug: a"))
        let path = "content/notices/a.md"
        func load(_ cache: BuildCache, maxFileSize: Int = SiteLoader.defaultMaxFileSize) -> LoadStep.Result {
            LoadStep(layout: site.layout, maxFileSize: maxFileSize, cache: cache).run()
        }
        let first = load(BuildCache())
        var stored = try #require(first.notices.first?.summary)
        stored.title = "缓存里的标题" // so a notice taken from the cache can be told from one read from the file
        var cache = BuildCache()
        cache.settings = try #require(first.config).digest
        cache.loadStarted = FileStamp.now() + 10_000_000_000 // as if the last build ran well after the file was written
        cache.notices[path] = BuildCache.NoticeEntry(summary: stored, loadDiagnostics: [], checkKey: 0, checkDiagnostics: [], links: [],
                                                     file: first.stamps[path])
        #expect(load(cache).notices.first?.summary.title == "缓存里的标题")
        // Untouched, but now over the size limit: still refused.
        let small = load(cache, maxFileSize: 16)
        #expect(small.diagnostics.contains { $0.severity == .error && $0.file == path && $0.message.contains("文件太大") })

        try site.notice("a.md", noticeText(title: "改过的标题", extra: "slug: a"))
        #expect(load(cache).notices.first?.summary.title == "改过的标题")

        // The stamp matches, but it was taken within two seconds of the file's last change: the file is read.
        cache.notices[path]?.file = FileStamp.of(site.root.appendingPathComponent(path).path)
        cache.loadStarted = FileStamp.now()
        #expect(load(cache).notices.first?.summary.title == "改过的标题")
    }

    /// The cache keeps no texts or field positions: a notice checked again (here because a notice it links to
    /// went away) is read again, so its messages still point at the right line.
    @Test func aCachedNoticeCheckedAgainReportsTheRightLines() throws {
        let site = try TempSite()
        defer { site.remove() }
        let inspection = "slug: a\ninspection:\n  group: 区委第一巡察组\n  start: 2025-05-01\n  end: 2025-04-01"
        try site.notice("a.md", noticeText(extra: inspection, body: "见[另一篇](b.md)。"))
        try site.notice("b.md", noticeText(title: "另一单位关于整改的通报", date: "2024-01-01", extra: "slug: b"))
        let first = try site.build()
        let dates = try #require(first.diagnostics.first { $0.file == "content/notices/a.md" && $0.message.contains("晚于结束日期") })
        #expect(dates.line == 8)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/notices/b.md"))
        let second = try site.build()
        #expect(second.diagnostics.contains(dates))
        #expect(second.diagnostics.contains { $0.file == "content/notices/a.md" && $0.message.contains("b.md") })
        // A new notice taking a cached notice's slug: both files are named, each at its slug line.
        try site.notice("c.md", noticeText(title: "第三个通知", extra: "slug: a"))
        #expect {
            try site.build()
        } throws: { error in
            let errors = (error as? BuildFailure)?.diagnostics.filter { $0.message.contains("重复") } ?? []
            return Set(errors.map(\.file)) == ["content/notices/a.md", "content/notices/c.md"] && errors.allSatisfy { $0.line == 5 }
        }
    }

    /// Notice files saved again while their pages are being made (after the checks): the build fails with the
    /// message that names a changed file, and the published site is left as it was.
    @Test func noticesEditedWhileTheirPagesAreMadeFailTheBuildAndKeepTheSite() throws {
        let site = try TempSite()
        defer { site.remove() }
        for i in 0..<40 { try site.notice("n\(i).md", noticeText(title: "测试单位关于巡察整改情况的通报\(i)", extra: "slug: n\(i)")) }
        try site.build()
        func published() throws -> [String: Data] {
            var files: [String: Data] = [:]
            for entry in FileTree.entries(under: site.output.path) where !entry.isDirectory {
                files[entry.path] = try Data(contentsOf: URL(fileURLWithPath: entry.path))
            }
            return files
        }
        let before = try published()
        try site.notice("n0.md", noticeText(title: "测试单位关于巡察整改情况的通报0", extra: "slug: n0", body: "改过的正文。"))
        var options = BuildOptions(site: site.root, now: referenceTime)
        let root = site.root
        options.checkpoint = { point in
            guard point == .checked else { return }
            for i in 0..<40 {
                try? Data(noticeText(title: "测试单位关于巡察整改情况的通报\(i)", extra: "slug: n\(i)", body: "保存到一半。").utf8)
                    .write(to: root.appendingPathComponent("content/notices/n\(i).md"))
            }
        }
        #expect {
            try SiteBuilder.build(options)
        } throws: { error in
            (error as? BuildFailure)?.diagnostics.contains { $0.message.contains("被修改") && $0.file.hasPrefix("content/notices/n") } ?? false
        }
        #expect(try published() == before)
    }

    @Test func aNoticeEditedDuringTheBuildIsAnErrorNotAMixedPage() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText(extra: "slug: a", body: "原来的正文。"))
        let (content, diagnostics) = SiteLoader.load(site.layout)
        #expect(!diagnostics.hasErrors)
        let notice = try #require(content?.notices.first?.notice.summary)
        #expect(try NoticeLoader.texts(of: notice, root: site.root).body.contains("原来的正文。"))
        try site.notice("a.md", noticeText(extra: "slug: a", body: "保存到一半的正文。"))
        #expect {
            try NoticeLoader.texts(of: notice, root: site.root)
        } throws: { error in
            (error as? BuildFailure)?.diagnostics.first.map { $0.message.contains("被修改") && $0.file == "content/notices/a.md" } ?? false
        }
    }
}

