import Foundation
import Testing
@testable import GongshiBuild
@testable import GongshiCore
@testable import GongshiContent

/// Sites kept on disk under Tests/GongshiTests/Fixtures/: one that must build cleanly, one whose every mistake must
/// be reported at its line (the expected list sits beside it).
@Suite("Fixture sites on disk")
struct FixtureSiteTests {
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/GongshiTests/Fixtures")

    @Test func theValidSiteBuildsWithoutWarningsAndLinksItsNotices() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-fixture-\(UUID().uuidString)/public")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let report = try SiteBuilder.build(BuildOptions(site: Self.fixtures.appendingPathComponent("valid-site"), output: output))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.noticeCount == 2)
        let page = try String(contentsOf: output.appendingPathComponent("notices/jiedao-2024/index.html"), encoding: .utf8)
        #expect(page.contains("href=\"../jiaoyu-2025/\""))
        #expect(page.contains("网站标识码：1100000001"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("feed.xml").path))
    }

    @Test func theInvalidSiteReportsExactlyTheExpectedDiagnostics() throws {
        let site = Self.fixtures.appendingPathComponent("invalid-site")
        let expected = try String(contentsOf: site.appendingPathComponent("expected-diagnostics.txt"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map(String.init)
        let (_, diagnostics) = SiteBuilder.check(SiteLayout(root: site))
        let got = diagnostics.map { "\($0.file):\($0.line):\($0.severity.rawValue)" }.sorted()
        #expect(got == expected.sorted())
        #expect(diagnostics.allSatisfy { $0.message.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
        // The load and validate stages on their own, with no build around them, find the same.
        let (content, loadDiagnostics) = SiteLoader.load(SiteLayout(root: site))
        let stages = loadDiagnostics + Validator.validate(try #require(content))
        #expect(stages.map { "\($0.file):\($0.line):\($0.severity.rawValue)" }.sorted() == expected.sorted())
    }
}
