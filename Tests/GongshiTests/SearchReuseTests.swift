import Foundation
import Testing
@testable import GongshiBuild
@testable import GongshiCore

/// A build after a few notices changed patches the search index from the published one instead of writing it whole:
/// the result is what a clean build writes, the shards the change did not touch are the published files themselves,
/// and a shard changed by hand in the output is made again.
@Suite("Search index reuse")
struct SearchReuseTests {
    static func body(_ i: Int) -> String {
        String((0..<500).map { j in Character(Unicode.Scalar(UInt32(0x4E00 + (i * 37 + j * 11) % 6000))!) })
    }

    @Test func editedNoticePatchesTheIndexLikeACleanBuild() throws {
        let site = try TempSite()
        defer { site.remove() }
        for i in 0..<60 {
            try site.notice(String(format: "n%02d.md", i), noticeText(title: "第\(i)号通知", date: String(format: "2024-%02d-%02d", 1 + i % 12, 1 + i % 28),
                                                                      extra: "slug: n\(i)", body: Self.body(i)))
        }
        try site.build()
        let shards = site.output.appendingPathComponent("search/index")
        func inodes() throws -> [String: Int] {
            try Dictionary(uniqueKeysWithValues: FileManager.default.contentsOfDirectory(atPath: shards.path).map {
                ($0, try FileManager.default.attributesOfItem(atPath: shards.appendingPathComponent($0).path)[.systemFileNumber] as! Int)
            })
        }
        let before = try inodes()
        #expect(before.count >= 4, "\(before.count) shards")

        try site.notice("n07.md", noticeText(title: "第7号通知", date: "2024-08-08", extra: "slug: n7", body: Self.body(7) + "\n\nQuantum 补充说明。"))
        try site.build()
        try expectSameAsClean(site, "one notice edited")
        let after = try inodes()
        let kept = before.filter { after[$0.key] == $0.value }.count
        #expect(kept > 0 && kept < before.count, "\(kept) of \(before.count) shards kept")

        let victim = shards.appendingPathComponent(before.keys.sorted()[0])
        try Data("{}".utf8).write(to: victim)
        try site.notice("n08.md", noticeText(title: "第8号通知（修订）", date: "2024-09-09", extra: "slug: n8", body: Self.body(8)))
        try site.build()
        try expectSameAsClean(site, "a shard changed by hand, another notice edited")
    }

    private func expectSameAsClean(_ site: TempSite, _ step: String) throws {
        let clean = site.root.appendingPathComponent("clean")
        try? FileManager.default.removeItem(at: clean)
        var fresh = BuildOptions(site: site.root, output: clean, now: referenceTime)
        fresh.reuseUnchangedOutput = false
        try SiteBuilder.build(fresh)
        let built = snapshot(site.output).filter { $0.key.hasPrefix("search/") }, expected = snapshot(clean).filter { $0.key.hasPrefix("search/") }
        #expect(built.keys.sorted() == expected.keys.sorted(), "\(step)")
        for (path, data) in expected where built[path] != data { Issue.record("\(step): \(path) differs from a clean build") }
    }
}
