import GongshiRender
import GongshiOutput
import Foundation
import GongshiContent
import GongshiCore

/// The validate step, with reuse: a notice decoded by this build was checked alone as it was loaded, and only its
/// links are looked up now; one taken from the cache keeps its findings when its check inputs (settings, where its
/// links lead) are the ones the cache recorded, else it is decoded again and checked by the validate stage.
struct CheckStep {
    let layout: SiteLayout
    let config: SiteConfig
    let cache: BuildCache

    struct Result {
        var diagnostics: [Diagnostic] = []
        /// What the next build's cache keeps of each notice, in load order.
        var entries: [BuildCache.NoticeEntry] = []
    }

    /// Checks the notices `loaded` found (whose summaries are `summaries`, in the same order).
    func run(_ loaded: LoadStep.Result, summaries: [NoticeSummary]) -> Result {
        let notices = loaded.notices
        let targets = LinkTargets(notices: summaries, attachments: loaded.attachments)
        let settings = config.digest
        @Sendable func key(_ links: [String]) -> UInt64 {
            var digest = Digest()
            digest.add(settings)
            for link in links { digest.add(link); digest.add(String(describing: targets.resolve(link))) }
            return digest.value
        }
        let checks = parallelMap(notices.count) { i -> (key: UInt64, checks: NoticeChecks) in
            switch notices[i] {
            case .decoded(_, _, _, let alone?):
                let found = alone.resolved(targets)
                return (key(found.links), found)
            case .cached(let entry) where entry.checkKey == key(entry.links):
                return (entry.checkKey, NoticeChecks(diagnostics: entry.checkDiagnostics, links: entry.links))
            default:
                do {
                    let found = Validator.check(try NoticeLoader.reload(notices[i].summary, root: layout.root, defaultColumn: config.defaultColumn),
                                                site: config, targets: targets)
                    return (key(found.links), found)
                } catch {
                    return (0, NoticeChecks(diagnostics: (error as? BuildFailure)?.diagnostics ?? [], links: []))
                }
            }
        }
        var result = Result()
        result.diagnostics = checks.flatMap(\.checks.diagnostics) + Validator.duplicateSlugs(summaries) { summary in
            slugPosition(summary, in: notices)
        } + Validator.unlinkedInspections(summaries) + Validator.indexNumberChecks(summaries, config: config)
            + Validator.siteChecks(summaries, config: config, attachments: loaded.attachments)
        result.entries = zip(notices, checks).map { notice, checked in
            let path = notice.summary.sourcePath
            return BuildCache.NoticeEntry(summary: notice.summary, loadDiagnostics: loaded.loadDiagnostics[path] ?? [],
                                          checkKey: checked.key, checkDiagnostics: checked.checks.diagnostics,
                                          links: checked.checks.links, file: loaded.stamps[path])
        }
        return result
    }

    /// Where a notice's `slug` key stands (only asked for notices whose slug is taken twice).
    private func slugPosition(_ summary: NoticeSummary, in notices: [KnownNotice]) -> SourcePosition? {
        for notice in notices where notice.summary.sourcePath == summary.sourcePath {
            if case .decoded(_, _, let slug, _) = notice { return slug }
            return (try? NoticeLoader.reload(summary, root: layout.root, defaultColumn: config.defaultColumn))?.positions["slug"]
        }
        return nil
    }
}
