import GongshiContent
import GongshiOutput
import Foundation
import GongshiCore
import GongshiRender
#if canImport(Glibc)
import Glibc
#endif

/// What the last successful build was made from, kept beside the output (`.public.buildinfo`), so that a
/// build with nothing changed can stop early instead of writing the same site again.
struct BuildStamp: Equatable {
    var fingerprint: String
    var noticeCount: Int
    /// The span of reference times the output is right for: from the last turning point the build had passed (a
    /// notice went out, a problem fell overdue, a 公示期 ended) up to the next one. Nil ends are open.
    var validFrom: Moment?
    var validUntil: Moment?

    /// The output made at some time in the span is the output for `now`.
    func holds(at now: Moment) -> Bool {
        if let validFrom, now < validFrom { return false }
        if let validUntil, now >= validUntil { return false }
        return true
    }

    /// The span for a build of `notices` at `now`. Besides each notice's own turning points, the day a unit's time to
    /// publish its rectification runs out (`publishWithinDays` after feedback) changes its round's page.
    init(fingerprint: String, noticeCount: Int, notices: [NoticeSummary], publishWithinDays: Int, now: Moment) {
        let points = notices.flatMap(\.turningPoints) + notices.compactMap { $0.statedFeedback?.adding(days: publishWithinDays).over }
        self.init(fingerprint: fingerprint, noticeCount: noticeCount,
                  validFrom: points.filter { $0 <= now }.max(), validUntil: points.filter { $0 > now }.min())
    }

    init(fingerprint: String, noticeCount: Int, validFrom: Moment?, validUntil: Moment?) {
        self.fingerprint = fingerprint; self.noticeCount = noticeCount; self.validFrom = validFrom; self.validUntil = validUntil
    }

    static func url(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).buildinfo")
    }

    static func read(for output: URL) -> BuildStamp? {
        guard let text = try? String(contentsOf: url(for: output), encoding: .utf8) else { return nil }
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard parts.count >= 4, let count = Int(parts[1]) else { return nil }
        return BuildStamp(fingerprint: String(parts[0]), noticeCount: count,
                          validFrom: Moment(String(parts[2])), validUntil: Moment(String(parts[3])))
    }

    func write(for output: URL) {
        let from = validFrom?.description ?? "", until = validUntil?.description ?? ""
        try? Data("\(fingerprint)\n\(noticeCount)\n\(from)\n\(until)\n".utf8).write(to: BuildStamp.url(for: output))
    }
}

extension SiteLayout {
    /// A digest of every input a build reads: path, size and modification time (to the nanosecond) of each file
    /// under content/ and templates/, the built-in templates, and `extra` (the options). Changes whenever any of
    /// them changes; used to skip builds with nothing to do and by `gongshi serve` to notice edits.
    public func inputFingerprint(extra: String = "") -> String {
        var entries: [String] = [extra, String(StableID.hash(BuiltinTemplates.files.map(\.text).joined()), radix: 16)]
        for folder in [content, templates] {
            for entry in FileTree.entries(under: folder.path) {
                var info = stat() // follows links: editing a linked file changes the fingerprint
                let found = stat(entry.path, &info) == 0
                entries.append("\(entry.path)\t\(found ? Int64(info.st_size) : -1)\t\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
            }
        }
        entries.sort()
        return String(StableID.hash(entries.joined(separator: "\n")), radix: 16) + "-\(entries.count)"
    }
}
