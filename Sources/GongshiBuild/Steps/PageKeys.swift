import GongshiContent
import GongshiOutput
import Foundation
import GongshiCore
import GongshiRender

/// The input key of each page: a digest of everything it is made from. A page whose key is the one the last build
/// recorded, and whose published file nobody changed since, is kept instead of rendered again.
struct PageKeys: Sendable {
    let renderer: SiteRenderer
    /// Digest of what every page depends on: the program, templates, strings, settings and address.
    let siteKey: UInt64
    /// Each notice's body links by source path (from the checks): where they lead is part of its page's key.
    let links: [String: [String]]
    /// Digest of the frame of notice pages in each column, by column name ("" for none).
    let frames: [String: UInt64]
    /// What each notice's row on a list page is made from, by its index in the site model.
    let memberKeys: [UInt64]

    init(renderer: SiteRenderer, links: [String: [String]]) {
        self.renderer = renderer
        self.links = links
        siteKey = Digest.of(BuildCache.program, String(renderer.templates.fingerprint), String(renderer.model.config.digest),
                            renderer.baseURL ?? "", renderer.model.preview ? "preview" : "build")
        var frames: [String: UInt64] = [:]
        for column in [nil] + renderer.model.columns.map(Optional.some) {
            frames[column?.name ?? ""] = DigestEncoder.digest(renderer.noticeFrame(column: column))
        }
        self.frames = frames
        let model = renderer.model
        memberKeys = model.notices.map { notice in
            var digest = Digest()
            digest.add(notice.sourceDigest)
            digest.add(notice.sourcePath)
            digest.add(SiteURLs.notice(notice))
            digest.add(String(notice.passedTurningPoints(at: model.now)))
            return digest.value
        }
    }

    /// The key of a page made from one view with one template.
    func key(of page: TemplatePage) -> UInt64 {
        var digest = Digest()
        digest.add(siteKey)
        digest.add(page.template)
        digest.add(DigestEncoder.digest(page.view))
        return digest.value
    }

    /// The keys of list pages (in their order), worked out without making a view of each page: a page is its list's
    /// frame (everything but the rows; the same on every page of a list but for the page's number, address and
    /// pagination, and the first page of the home list shows the open announcements) and its rows. So the frames of a
    /// list's first and second pages are digested once, each page adds its number and address, and each member what
    /// its row is made from: the notice (its file and path, decoded with the settings in `siteKey`), its address and
    /// the turning points the reference time has passed.
    func keys(ofLists lists: [ListPage]) -> [UInt64] {
        func sampleName(_ list: ListPage) -> String { list.base + (list.number == 1 ? "\u{0}first" : "\u{0}rest") }
        var samples: [String: Int] = [:]
        for (i, list) in lists.enumerated() where samples[sampleName(list)] == nil { samples[sampleName(list)] = i }
        let sampled = samples.sorted { $0.value < $1.value }
        let frames = parallelMap(sampled.count) { i -> UInt64 in
            let frame = renderer.frame(of: lists[sampled[i].value])
            var digest = Digest()
            digest.add(siteKey)
            digest.add(frame.template)
            digest.add(DigestEncoder.digest(frame.view))
            return digest.value
        }
        let frameOf = Dictionary(uniqueKeysWithValues: zip(sampled.map(\.key), frames))
        return lists.map { list in
            var digest = Digest()
            digest.add(frameOf[sampleName(list)] ?? 0)
            digest.add(list.path)
            digest.add(String(list.number) + "/" + String(list.pageCount))
            for member in list.members { digest.add(memberKeys[member]) }
            return digest.value
        }
    }

    /// The key of a notice's page, worked out without making its view (10,000 views cost seconds). The page is made
    /// from: the notice (its file, decoded with the settings in `siteKey`) and the turning points the reference time has
    /// passed, where its body's links lead, its inspection's page, its neighbours' titles and addresses, and the frame
    /// of its column.
    func key(ofNoticeAt index: Int) -> UInt64 {
        let model = renderer.model, notices = model.notices
        // (Fields are read in place: a copy of each summary, and of its neighbours', was a third of this.)
        var digest = Digest()
        digest.add(siteKey)
        digest.add("notice")
        digest.add(frames[notices[index].column] ?? frames[""] ?? 0)
        digest.add(notices[index].sourceDigest)
        // What changes on the page by itself as time passes (published, overdue problems, a 公示期 over).
        digest.add(String(notices[index].passedTurningPoints(at: model.now)))
        if let links = links[notices[index].sourcePath] {
            for link in links { digest.add(link); digest.add(String(describing: renderer.targets.resolve(link))) }
        } else {
            digest.add(renderer.targets.fingerprint)
        }
        digest.add(model.inspectionPage(ofNoticeAt: index)?.id ?? "\u{0}")
        digest.add(model.isSuperseded(noticeAt: index) ? "superseded" : "latest")
        for neighbour in [model.olderIndex(than: index), model.newerIndex(than: index)] {
            digest.add(neighbour.map { notices[$0].title + "\u{1F}" + SiteURLs.notice(notices[$0].slug) } ?? "\u{0}")
        }
        return digest.value
    }

    /// The key of an inspection's page, worked out without reading its notices: its frame, the inspection, the round's
    /// page, and each notice's summary (its file's digest among them) with the turning points the reference time has passed.
    func key(of shell: InspectionPageShell) -> UInt64 {
        var digest = Digest()
        digest.add(siteKey)
        digest.add("inspection-page")
        digest.add(DigestEncoder.digest(shell.frame))
        let record = shell.record
        for field in [record.id, record.round ?? "\u{0}", record.group ?? "\u{0}", record.target, record.feedback?.description ?? "\u{0}",
                      record.feedbackSource.map(String.init) ?? "\u{0}", shell.heading, shell.roundID ?? "\u{0}"] {
            digest.add(field)
        }
        for member in shell.members {
            digest.add(DigestEncoder.digest(member))
            digest.add(String(member.passedTurningPoints(at: renderer.model.now)))
        }
        return digest.value
    }
}
