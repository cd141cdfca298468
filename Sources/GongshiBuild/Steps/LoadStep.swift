import GongshiRender
import GongshiOutput
import Foundation
import GongshiContent
import GongshiCore

/// A notice as the build knows it after loading: decoded now (with its front matter, where its slug is and what
/// the checks found in it alone), or taken from the last build's cache unread (its front matter stays there until
/// a page needs it).
enum KnownNotice: Sendable {
    case decoded(NoticeSummary, PackedFields, slug: SourcePosition?, checks: UnresolvedChecks?)
    case cached(BuildCache.NoticeEntry)

    var summary: NoticeSummary {
        switch self {
        case .decoded(let summary, _, _, _): return summary
        case .cached(let entry): return entry.summary
        }
    }
}

/// The load step, with reuse: a notice file whose stat stamp is the one the cache recorded (and was settled then)
/// is not read; one whose bytes have the recorded digest is not decoded. Everything else goes to the load stage.
struct LoadStep {
    let layout: SiteLayout
    let maxFileSize: Int
    let cache: BuildCache

    struct Result {
        var config: SiteConfig?
        var notices: [KnownNotice] = []
        var loadDiagnostics: [String: [Diagnostic]] = [:]
        var stamps: [String: FileStamp] = [:]
        var attachments: [String] = []
        var diagnostics: [Diagnostic] = []
        /// When loading started (`FileStamp.now()`): stamps of files written after it are not trusted later.
        var started: Int64 = 0
    }

    func run() -> Result {
        var result = Result(started: FileStamp.now())
        (result.config, result.diagnostics) = SiteLoader.loadConfig(layout)
        let files = SiteLoader.noticeFiles(in: layout, diagnostics: &result.diagnostics)
        let defaultColumn = result.config?.defaultColumn ?? SiteConfig.standardColumn
        // A cached notice was decoded with the settings of its time (the default column), so only the same ones do.
        let reusable = result.config.map { cache.settings == $0.digest } ?? false
        let config = result.config
        // Sixteen files at a time: with the default chunks (a sixteenth of the files) one core idled while the other
        // loaded the last chunk, up to seconds at 100,000 notices.
        let loaded = parallelMap(files.count, chunkSize: 16) { i in
            load(files[i], cached: reusable ? cache.notices[files[i].displayPath] : nil, defaultColumn: defaultColumn, config: config)
        }
        result.notices.reserveCapacity(files.count)
        result.loadDiagnostics.reserveCapacity(files.count)
        result.stamps.reserveCapacity(files.count)
        for (file, (notice, diagnostics, stamp)) in zip(files, loaded) {
            result.diagnostics += diagnostics
            guard let notice else { continue }
            result.notices.append(notice)
            result.loadDiagnostics[file.displayPath] = diagnostics
            result.stamps[file.displayPath] = stamp
        }
        result.attachments = SiteLoader.attachments(in: layout)
        return result
    }

    private func load(_ file: SiteLoader.NoticeFile, cached: BuildCache.NoticeEntry?,
                      defaultColumn: String, config: SiteConfig?) -> (KnownNotice?, [Diagnostic], FileStamp?) {
        // Taken before reading: a write after it changes the stamp, so the next build reads the file again.
        let stamp = FileStamp.of(file.path)
        if let cached, let stamp, cached.file == stamp, stamp.isSettled(before: cache.loadStarted), stamp.size <= Int64(maxFileSize) {
            return (.cached(cached), cached.loadDiagnostics, stamp)
        }
        var diagnostics: [Diagnostic] = []
        guard let data = SiteLoader.read(file, size: stamp?.size ?? 0, maxFileSize: maxFileSize, diagnostics: &diagnostics) else {
            return (nil, diagnostics, nil)
        }
        if let cached, cached.summary.sourceDigest == Digest.of(data) {
            return (.cached(cached), cached.loadDiagnostics, stamp)
        }
        let (decoded, found) = NoticeLoader.decode(data: data, path: file.displayPath, defaultColumn: defaultColumn)
        // The checks that need no other notice run now, and the front matter is packed, on this thread: the texts,
        // field positions and decoded values of all notices are never in memory together (10,000 notices hold 120 MB
        // of texts alone).
        return (decoded.map { decoded in
            .decoded(decoded.notice.summary, PackedFields(decoded.notice.fields), slug: decoded.positions["slug"],
                     checks: config.map { Validator.checkAlone(decoded, site: $0) })
        }, found, stamp)
    }
}
