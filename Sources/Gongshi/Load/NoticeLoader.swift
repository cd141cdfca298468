import Foundation
import Yams

/// Reads one notice file: splits front matter from body, decodes the front matter into a Notice.
public enum NoticeLoader {
    /// The Markdown body of `notice`, read again from its file under `root`; fails when the file changed since it
    /// was loaded (an edit during the build: its page would not match its front matter).
    public static func body(of notice: Notice, root: URL) throws -> String {
        try withTexts(notice, root: root).body
    }

    /// `notice` with its body and front-matter text read again from its file under `root`; fails when the file
    /// changed since the notice was decoded.
    public static func withTexts(_ notice: Notice, root: URL) throws -> Notice {
        if notice.hasTexts { return notice }
        let data = try contents(of: notice, root: root)
        guard Digest.of(data) == notice.sourceDigest, case .success(let source) = SourceText.decode(data, file: notice.sourcePath),
              case .success(let split) = FrontMatterSplit.split(source.text, file: notice.sourcePath) else {
            throw changedDuringBuild(notice.sourcePath)
        }
        var reloaded = notice
        reloaded.body = split.body
        reloaded.frontMatterText = split.yaml
        reloaded.hasTexts = true
        return reloaded
    }

    /// `notice` decoded again from its file under `root`, with its texts, field positions and details (a notice
    /// from the build cache that must be checked again); fails when the file is not the one it was decoded from.
    public static func reload(_ notice: Notice, root: URL, defaultColumn: String) throws -> Notice {
        if notice.hasTexts && notice.hasDetails { return notice }
        let data = try contents(of: notice, root: root)
        guard Digest.of(data) == notice.sourceDigest, var decoded = load(data: data, path: notice.sourcePath, defaultColumn: defaultColumn).0 else {
            throw changedDuringBuild(notice.sourcePath)
        }
        decoded.sourceDigest = notice.sourceDigest
        return decoded
    }

    private static func contents(of notice: Notice, root: URL) throws -> Data {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(notice.sourcePath).path) else {
            throw BuildFailure([.error("生成过程中无法再次读取文件", file: notice.sourcePath, line: 1, column: 1, hint: "请检查文件是否被移走或删除，然后重新生成")])
        }
        return data
    }

    private static func changedDuringBuild(_ path: String) -> BuildFailure {
        BuildFailure([.error("文件在生成过程中被修改了", file: path, line: 1, column: 1, hint: "请保存好文件后重新运行 gongshi build")])
    }

    /// Decodes a notice from the bytes of its file. `path` is how messages name the file.
    public static func load(data: Data, path: String, defaultColumn: String) -> (Notice?, [Diagnostic]) {
        let source: SourceText
        switch SourceText.decode(data, file: path) {
        case .success(let s): source = s
        case .failure(let d): return (nil, [d])
        }
        let split: FrontMatterSplit
        switch FrontMatterSplit.split(source.text, file: path) {
        case .success(let s): split = s
        case .failure(let d): return (nil, [d])
        }
        var doc = YAMLDocument(yaml: split.yaml, file: path, firstLine: split.yamlFirstLine)
        guard let root = doc.root else {
            if doc.diagnostics.isEmpty {
                return (nil, [.error("front matter 是空的", file: path, line: 1, column: 1, hint: "至少写上 title、org、date 三个字段")])
            }
            return (nil, doc.diagnostics)
        }
        doc.check(against: Schema.notice)
        guard root.mapping != nil else { return (nil, doc.diagnostics) }

        // Usually the whole front matter decodes at once; when it does not, each field is decoded on its own so
        // that every broken field gets its own message.
        let front = doc.diagnostics.isEmpty ? try? YAMLDocument.decoder.decode(FrontMatter.self, from: root) : nil
        let title = front.map(\.title) ?? doc.decode(String.self, at: "title")
        let org = front.map(\.org) ?? doc.decode(String.self, at: "org")
        let date = front.map(\.date) ?? doc.decode(CalendarDate.self, at: "date")
        let slugText = front != nil ? front!.slug : doc.decode(String.self, at: "slug")
        let column = front != nil ? front!.column : doc.decode(String.self, at: "column")
        let summary = front != nil ? front!.summary : doc.decode(String.self, at: "summary")
        let inspection = front != nil ? front!.inspection : doc.decode(Inspection.self, at: "inspection")
        let problems = (front != nil ? front!.problems : doc.decode([Problem].self, at: "problems")) ?? []
        let stats = front != nil ? front!.stats : doc.decode(ProgressStats.self, at: "stats")
        let contact = front != nil ? front!.contact : doc.decode(Contact.self, at: "contact")
        let signature = front != nil ? front!.signature : doc.decode(Signature.self, at: "signature")

        var diagnostics = doc.diagnostics
        func requireText(_ value: String?, _ key: String) {
            if let value, value.trimmingCharacters(in: .whitespaces).isEmpty, let node = doc.topLevel[key] {
                let (line, column) = doc.location(node.mark)
                diagnostics.append(.error("必填字段“\(key)”是空的", file: path, line: line, column: column, hint: "请填写内容"))
            }
        }
        requireText(title, "title")
        requireText(org, "org")

        let fileName = (path as NSString).lastPathComponent
        let slug = slugText ?? Slug.fromFileName(fileName)
        if let problem = Slug.problem(with: slug) {
            let (line, column) = doc.topLevel["slug"].map { doc.location($0.mark) } ?? (1, 1)
            let hint = slugText == nil
                ? "文件名不能直接用作网址名：请在 front matter 中加一行 slug: 英文或拼音名称，例如 slug: shiliqu-2025"
                : "请改成小写英文、拼音或数字，用“-”连接，例如 shiliqu-2025"
            diagnostics.append(.error(problem, file: path, line: line, column: column, hint: hint))
        }

        if !diagnostics.hasErrors, split.body.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            diagnostics.append(.error("通知正文是空的：front matter 之后没有内容", file: path, line: split.bodyFirstLine - 1, column: 1,
                                      hint: "在第二个 --- 之后写上通报正文；可参考 gongshi new 生成的章节"))
        }
        let dedupedDiagnostics = diagnostics.uniqued()
        guard !dedupedDiagnostics.hasErrors, let title, let org, let date else { return (nil, dedupedDiagnostics) }
        let notice = Notice(
            sourcePath: path, title: title.trimmingCharacters(in: .whitespaces), org: org.trimmingCharacters(in: .whitespaces),
            date: date, slug: slug, column: column?.nonEmpty ?? defaultColumn, summary: summary?.nonEmpty,
            inspection: inspection, problems: problems, stats: stats, contact: contact, signature: signature,
            body: split.body, bodyStartLine: split.bodyFirstLine)
        var located = notice
        located.positions = positions(of: root, in: doc)
        located.frontMatterText = split.yaml
        return (located, dedupedDiagnostics)
    }
}

/// The front matter as decoded in one go (see docs/content-format.md).
struct FrontMatter: Decodable {
    var title: String
    var org: String
    var date: CalendarDate
    var slug: String?
    var column: String?
    var summary: String?
    var inspection: Inspection?
    var problems: [Problem]?
    var stats: ProgressStats?
    var contact: Contact?
    var signature: Signature?
}

/// Records where every key of the front matter stands.
private func positions(of root: Node, in doc: YAMLDocument) -> SourcePositions {
    var result = SourcePositions()
    func walk(_ node: Node, _ path: String) {
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard let name = key.scalar?.string else { continue }
                let childPath = path.isEmpty ? name : "\(path).\(name)"
                let (line, column) = doc.location(key.mark)
                result.record(childPath, line: line, column: column)
                walk(value, childPath)
            }
        case .sequence(let seq):
            for (i, item) in seq.enumerated() {
                let childPath = "\(path)[\(i + 1)]"
                let (line, column) = doc.location(item.mark)
                result.record(childPath, line: line, column: column)
                walk(item, childPath)
            }
        default:
            break
        }
    }
    walk(root, "")
    return result
}

extension String {
    /// nil for empty or whitespace-only text.
    var nonEmpty: String? {
        let t = trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }
}

extension Array where Element: Hashable {
    /// Drops repeats, keeping the first of each.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
