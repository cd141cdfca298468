import GongshiRender
import GongshiOutput
import Foundation
import GongshiContent
import GongshiCore

/// The validate step, with reuse: a notice whose file and check inputs (settings, where its links lead) are the
/// ones the cache recorded keeps its findings; the others are checked by the validate stage, with their texts read
/// again (or, for a notice taken from the cache, decoded again so its messages keep their lines).
struct CheckStep {
    let layout: SiteLayout
    let config: SiteConfig
    let cache: BuildCache

    struct Result {
        var diagnostics: [Diagnostic] = []
        /// What the next build's cache keeps of each notice, in load order.
        var entries: [BuildCache.NoticeEntry] = []
    }

    func run(_ loaded: LoadStep.Result) -> Result {
        let notices = loaded.notices
        let targets = LinkTargets(notices: notices.map(\.summary), attachments: loaded.attachments)
        let settings = config.digest
        @Sendable func key(_ links: [String]) -> UInt64 {
            var digest = Digest()
            digest.add(settings)
            for link in links { digest.add(link); digest.add(String(describing: targets.resolve(link))) }
            return digest.value
        }
        let checks = parallelMap(notices.count) { i -> (key: UInt64, checks: NoticeChecks) in
            if case .cached(let entry) = notices[i], entry.checkKey == key(entry.links) {
                return (entry.checkKey, NoticeChecks(diagnostics: entry.checkDiagnostics, links: entry.links))
            }
            do {
                let found = Validator.check(try decoded(notices[i]), site: config, targets: targets)
                return (key(found.links), found)
            } catch {
                return (0, NoticeChecks(diagnostics: (error as? BuildFailure)?.diagnostics ?? [], links: []))
            }
        }
        var result = Result()
        result.diagnostics = checks.flatMap(\.checks.diagnostics) + Validator.duplicateSlugs(notices.map(\.summary)) { summary in
            slugPosition(summary, in: notices)
        } + Validator.unlinkedInspections(notices.map(\.summary)) + Validator.indexNumberChecks(notices.map(\.summary), config: config)
            + Validator.siteChecks(notices.map(\.summary), config: config, attachments: loaded.attachments)
        result.entries = zip(notices, checks).map { notice, checked in
            let path = notice.summary.sourcePath
            return BuildCache.NoticeEntry(summary: notice.summary, loadDiagnostics: loaded.loadDiagnostics[path] ?? [],
                                          checkKey: checked.key, checkDiagnostics: checked.checks.diagnostics,
                                          links: checked.checks.links, file: loaded.stamps[path])
        }
        return result
    }

    /// The notice whole, with its field positions and texts, as the validate stage wants it.
    private func decoded(_ notice: KnownNotice) throws -> DecodedNotice {
        switch notice {
        case .decoded(let summary, let packed, let positions):
            guard let fields = packed.unpacked() else { throw BuildFailure([]) }
            let texts = try NoticeLoader.texts(of: summary, root: layout.root)
            let whole = Notice(sourcePath: summary.sourcePath, sourceDigest: summary.sourceDigest, fields: fields,
                               defaultColumn: config.defaultColumn, body: texts.body, bodyStartLine: texts.bodyFirstLine)
            return DecodedNotice(notice: whole, positions: positions, frontMatterText: texts.yaml)
        case .cached(let entry):
            return try NoticeLoader.reload(entry.summary, root: layout.root, defaultColumn: config.defaultColumn)
        }
    }

    /// Where a notice's `slug` key stands (only asked for notices whose slug is taken twice).
    private func slugPosition(_ summary: NoticeSummary, in notices: [KnownNotice]) -> SourcePosition? {
        for notice in notices where notice.summary.sourcePath == summary.sourcePath {
            if case .decoded(_, _, let positions) = notice { return positions["slug"] }
            return (try? NoticeLoader.reload(summary, root: layout.root, defaultColumn: config.defaultColumn))?.positions["slug"]
        }
        return nil
    }
}
