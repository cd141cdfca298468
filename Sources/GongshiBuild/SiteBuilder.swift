import Foundation
import GongshiContent
import GongshiCore
import GongshiOutput
import GongshiRender

/// What a build asks for.
public struct BuildOptions: Sendable {
    /// The site folder (holds content/ and optionally templates/).
    public var site: URL
    /// Where the site is written; default `<site>/public`.
    public var output: URL?
    public var maxFileSize: Int
    /// Overrides site.yaml's baseURL (for previews on another address).
    public var baseURL: String?
    /// The reference time: what is published, overdue or ended is decided at this moment (`--now`, SOURCE_DATE_EPOCH).
    public var now: Moment
    /// `serve`'s preview: drafts and scheduled notices get pages, with a banner, and are listed.
    public var preview = false
    /// Skip the build when no input changed since the last successful build into the same output.
    public var reuseUnchangedOutput = true
    /// Called after each notice page is rendered with (pages done, pages in all).
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Called as the build passes each named point (tests stop a build there to see what an interruption leaves).
    public var checkpoint: (@Sendable (BuildCheckpoint) -> Void)?

    public init(site: URL, output: URL? = nil, maxFileSize: Int = SiteLoader.defaultMaxFileSize, baseURL: String? = nil, now: Moment? = nil) {
        self.site = site
        self.now = now ?? Moment.current()
        self.output = output
        self.maxFileSize = maxFileSize
        self.baseURL = baseURL
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    public var output: URL
    public var noticeCount: Int
    public var filesWritten: Int
    /// Of those, files whose bytes did not change (left as they were, modification time kept).
    public var filesUnchanged: Int = 0
    /// Of those, pages kept without rendering them again: nothing they are made from had changed.
    public var pagesReused: Int = 0
    /// Warnings (a successful build has no errors).
    public var diagnostics: [Diagnostic]
    /// Drafts left out (none in a preview).
    public var drafts: [NoticeSummary] = []
    /// Notices not yet due to go out, soonest first (none in a preview).
    public var scheduled: [NoticeSummary] = []
    /// Nothing had changed since the last build, so nothing was written.
    public var upToDate = false
    /// The next moment the output changes by itself, with no file edited (a scheduled notice goes out, a problem
    /// falls overdue, a 公示期 ends); nil when no such moment lies ahead.
    public var nextChange: Moment?
}

/// Points of a build a test can stop it at (see `BuildOptions.checkpoint`).
public enum BuildCheckpoint: String, Sendable, CaseIterable {
    case checked, staged, swapped, recorded
}

/// The whole pipeline as named steps: stop if up to date, load and check, model, render and write, commit, record.
/// Every reuse of the last build's work is decided here and in the steps (Steps/), never in the stages.
public enum SiteBuilder {
    /// Builds the site. Throws BuildFailure with every diagnostic when anything is wrong; the output
    /// folder is then left exactly as it was.
    @discardableResult
    public static func build(_ options: BuildOptions) throws -> BuildReport {
        let run = BuildRun(options)
        if let report = run.upToDate() { return report }
        let cache = run.readCache()
        var checked = try run.loadAndCheck(cache)
        let details = run.keepDetails(&checked, cache)
        let site = run.model(&checked, details, cache)
        options.checkpoint?(.checked)
        let staged = try StagedOutput(output: run.output, site: run.layout, reuse: options.reuseUnchangedOutput)
        let made = try run.renderAndWrite(site, into: staged, cache: cache, diagnostics: checked.diagnostics)
        options.checkpoint?(.staged)
        try run.commit(staged, diagnostics: checked.diagnostics)
        options.checkpoint?(.swapped)
        run.record(checked, site, made: made, details: details)
        options.checkpoint?(.recorded)
        return BuildReport(output: run.output, noticeCount: site.model.notices.count, filesWritten: staged.filesWritten,
                           filesUnchanged: staged.filesUnchanged, pagesReused: staged.pagesReused, diagnostics: checked.diagnostics,
                           drafts: site.model.heldBack.filter(\.draft),
                           scheduled: site.model.heldBack.filter { !$0.draft }.sorted { $0.publishAt < $1.publishAt },
                           nextChange: site.span.validUntil)
    }

    /// Load and validate only (`gongshi check`): every diagnostic for the site, and how many notices it has (nil when
    /// anything is wrong).
    public static func check(_ layout: SiteLayout, maxFileSize: Int = SiteLoader.defaultMaxFileSize, now: Moment = .current()) -> (noticeCount: Int?, diagnostics: [Diagnostic]) {
        var checked = BuildRun.check(layout, maxFileSize: maxFileSize, cache: BuildCache())
        if checked.config != nil { checked.diagnostics += TimeChecks(notices: checked.notices, links: checked.links, now: now,
                                                                                   publishWithinDays: checked.config!.publishWithinDays).run() }
        return (checked.config == nil || checked.diagnostics.hasErrors ? nil : checked.notices.count, checked.diagnostics)
    }
}
