/// What the checks of one notice found, and the digest of what they depended on besides the notice's file.
public struct NoticeChecks: Sendable {
    public var key: UInt64
    public var diagnostics: [Diagnostic]
    public var links: [String]
}

/// The validate stage: checks across fields and across notices that decoding alone cannot see.
public enum Validator {
    /// Validates every notice, taking the findings from `cache` for a notice whose file and check inputs did not
    /// change. Returns all findings and each notice's checks (in `content.notices` order) for the next cache.
    /// `reload` gives a notice from the cache what the checks read and the cache does not keep: its texts, field
    /// positions and details (see `NoticeLoader.reload`).
    public static func validate(_ content: LoadedContent, cache: BuildCache,
                                reload: @Sendable (Notice) throws -> Notice = { $0 }) -> (diagnostics: [Diagnostic], checks: [NoticeChecks]) {
        let targets = LinkTargets(notices: content.notices, attachments: content.attachments)
        let notices = content.notices, config = content.config
        let settings = config.digest
        @Sendable func key(_ links: [String]) -> UInt64 {
            var digest = Digest()
            digest.add(settings)
            for link in links { digest.add(link); digest.add(String(describing: targets.resolve(link))) }
            return digest.value
        }
        let checks = parallelMap(notices.count) { i -> NoticeChecks in
            var notice = notices[i]
            if let cached = cache.notices[notice.sourcePath], cached.notice.sourceDigest == notice.sourceDigest,
               cached.checkKey == key(cached.links) {
                return NoticeChecks(key: cached.checkKey, diagnostics: cached.checkDiagnostics, links: cached.links)
            }
            do { notice = try reload(notice) } catch {
                let failure = (error as? BuildFailure)?.diagnostics
                    ?? [.error("无法再次读取文件：\(error.localizedDescription)", file: notice.sourcePath, line: 1, column: 1, hint: "请检查文件权限，然后重新生成")]
                return NoticeChecks(key: 0, diagnostics: failure, links: [])
            }
            let (lints, links) = ContentLints.check(notice, targets: targets)
            return NoticeChecks(key: key(links), diagnostics: validate(notice, site: config) + lints, links: links)
        }
        return (checks.flatMap(\.diagnostics) + duplicateSlugs(content.notices, reload: reload), checks)
    }

    static func at(_ notice: Notice, _ path: String) -> (line: Int, column: Int) {
        if let p = notice.positions[path] { return (p.line, p.column) }
        if let dot = path.lastIndex(of: "."), let p = notice.positions[String(path[..<dot])] { return (p.line, p.column) }
        return (1, 1)
    }

    static func warning(_ notice: Notice, _ path: String, _ message: String, hint: String) -> Diagnostic {
        let (line, column) = at(notice, path)
        return .warning(message, file: notice.sourcePath, line: line, column: column, hint: hint)
    }

    /// Dates out of order, counts that do not add up, no way to give feedback.
    public static func validate(_ notice: Notice, site: SiteConfig) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if let i = notice.inspection {
            if let start = i.start, let end = i.end, start > end {
                found.append(warning(notice, "inspection.start", "巡察开始日期 \(start) 晚于结束日期 \(end)",
                                     hint: "请核对 inspection 的 start 和 end"))
            }
            if let end = i.end, let feedback = i.feedback, feedback < end {
                found.append(warning(notice, "inspection.feedback", "反馈日期 \(feedback) 早于巡察结束日期 \(end)",
                                     hint: "巡察组通常在巡察结束后才反馈意见，请核对 feedback"))
            }
            if let feedback = i.feedback, notice.date < feedback {
                found.append(warning(notice, "date", "发布日期 \(notice.date) 早于巡察反馈日期 \(feedback)",
                                     hint: "整改通报应在收到反馈之后发布，请核对 date"))
            }
        }
        if let stats = notice.stats {
            let parts = (stats.done ?? 0) + (stats.partial ?? 0) + (stats.ongoing ?? 0)
            if let total = stats.total, parts > total {
                found.append(warning(notice, "stats.total", "统计数字对不上：已完成、阶段性成效、持续推进合计 \(parts) 项，超过问题总数 \(total) 项",
                                     hint: "请核对 stats 中的各项数字"))
            } else if let total = stats.total, stats.partial != nil || stats.ongoing != nil, parts != total {
                found.append(warning(notice, "stats.total", "统计数字对不上：已完成、阶段性成效、持续推进合计 \(parts) 项，不等于问题总数 \(total) 项",
                                     hint: "请核对 stats 中的各项数字"))
            }
            if !notice.problems.isEmpty, let total = stats.total, total != notice.problems.count {
                found.append(warning(notice, "stats.total", "stats 中的问题总数 \(total) 与 problems 列出的 \(notice.problems.count) 个问题不一致",
                                     hint: "有逐项问题列表时，进度按列表计算；请删去 stats 或改正数字"))
            }
        }
        if (notice.contact ?? site.contact)?.isEmpty ?? true {
            found.append(warning(notice, "contact", "没有任何反馈渠道（电话、邮箱或地址）",
                                 hint: "在 contact 中填写电话、邮箱或通信地址，或在 site.yaml 中填写全站的 contact"))
        }
        return found
    }

    /// Two notices with the same slug would overwrite each other's page.
    static func duplicateSlugs(_ notices: [Notice], reload: (Notice) throws -> Notice = { $0 }) -> [Diagnostic] {
        var bySlug: [String: [Notice]] = [:]
        for n in notices { bySlug[n.slug, default: []].append(n) }
        var found: [Diagnostic] = []
        for slug in bySlug.keys.sorted() {
            guard let group = bySlug[slug], group.count > 1 else { continue }
            let files = group.map(\.sourcePath)
            for n in group {
                let (line, column) = at((try? reload(n)) ?? n, "slug") // a notice from the cache has no positions
                let others = files.filter { $0 != n.sourcePath }.joined(separator: "、")
                found.append(.error("网址名（slug）“\(slug)”与 \(others) 重复", file: n.sourcePath, line: line, column: column,
                                    hint: "每个通知的 slug 必须不同：请修改 slug 或文件名"))
            }
        }
        return found
    }
}
