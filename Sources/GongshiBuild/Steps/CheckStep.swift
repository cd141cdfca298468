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
        // The checks across all notices need only the summaries: they run on a thread of their own while each
        // notice's links are looked up on the others (an edit of 10,000 notices waited 0.1 s on them alone).
        let notices = loaded.notices, config = config, layout = layout
        let (alone, across) = concurrently({ checkEach(loaded, summaries: summaries) }, alongside: {
            Validator.duplicateSlugs(summaries) { summary in CheckStep.slugPosition(summary, in: notices, layout: layout, config: config) }
                + Validator.unlinkedInspections(summaries) + Validator.indexNumberChecks(summaries, config: config)
                + Validator.siteChecks(summaries, config: config, attachments: loaded.attachments)
        })
        var result = Result()
        result.diagnostics = alone.flatMap(\.checks.diagnostics) + across
        result.entries = zip(notices, alone).map { notice, checked in
            let path = notice.summary.sourcePath
            return BuildCache.NoticeEntry(summary: notice.summary, loadDiagnostics: loaded.loadDiagnostics[path] ?? [],
                                          checkKey: checked.key, checkDiagnostics: checked.checks.diagnostics,
                                          links: checked.checks.links, file: loaded.stamps[path])
        }
        return result
    }

    /// Each notice's own findings, with its links looked up, and the key they were found under.
    private func checkEach(_ loaded: LoadStep.Result, summaries: [NoticeSummary]) -> [(key: UInt64, checks: NoticeChecks)] {
        let notices = loaded.notices
        let targets = LinkTargets(notices: summaries, attachments: loaded.attachments)
        let settings = config.digest
        @Sendable func key(_ links: [String]) -> UInt64 {
            var digest = Digest()
            digest.add(settings)
            for link in links { digest.add(link); digest.add(String(describing: targets.resolve(link))) }
            return digest.value
        }
        return parallelMap(notices.count) { i -> (key: UInt64, checks: NoticeChecks) in
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
    }

    /// Where a notice's `slug` key stands (only asked for notices whose slug is taken twice).
    private static func slugPosition(_ summary: NoticeSummary, in notices: [KnownNotice], layout: SiteLayout,
                                     config: SiteConfig) -> SourcePosition? {
        for notice in notices where notice.summary.sourcePath == summary.sourcePath {
            if case .decoded(_, _, let slug, _) = notice { return slug }
            return (try? NoticeLoader.reload(summary, root: layout.root, defaultColumn: config.defaultColumn))?.positions["slug"]
        }
        return nil
    }
}
