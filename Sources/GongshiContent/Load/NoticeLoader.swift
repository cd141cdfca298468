import GongshiCore
import GongshiMarkdown
import Foundation
import Yams

/// A notice as decoded from its file, with what messages about it need: where each field stands and the front
/// matter as written.
public struct DecodedNotice: Sendable {
    public var notice: Notice
    public var positions: SourcePositions
    /// The front matter as written (between the `---` lines), starting on file line 2.
    public var frontMatterText: String

    public init(notice: Notice, positions: SourcePositions, frontMatterText: String) {
        self.notice = notice; self.positions = positions; self.frontMatterText = frontMatterText
    }
}

/// Reads one notice file: splits front matter from body, decodes the front matter into a Notice.
public enum NoticeLoader {
    /// Decodes a notice from the bytes of its file. `path` is how messages name the file.
    public static func load(data: Data, path: String, defaultColumn: String) -> (Notice?, [Diagnostic]) {
        let (decoded, diagnostics) = decode(data: data, path: path, defaultColumn: defaultColumn)
        return (decoded?.notice, diagnostics)
    }

    /// Decodes a notice from the bytes of its file, with its field positions and front-matter text.
    public static func decode(data: Data, path: String, defaultColumn: String) -> (DecodedNotice?, [Diagnostic]) {
        let split: FrontMatterSplit
        switch FrontMatterSplit.split(data, file: path) {
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
        // Plain front matter is read straight from the nodes; anything else through Codable, which reports what is wrong.
        let fields = root.mapping.flatMap(NoticeFieldsReader.read) ?? doc.decodeRoot(NoticeFields.self)
        var diagnostics = doc.diagnostics + requiredTexts(in: doc, path: path)
        let notice = fields.map {
            Notice(sourcePath: path, sourceDigest: Digest.of(data), fields: $0, defaultColumn: defaultColumn,
                   body: split.body, bodyStartLine: split.bodyFirstLine)
        }
        if let notice, let problem = Slug.problem(with: notice.slug) {
            let (line, column) = doc.topLevel["slug"].map { doc.location($0.mark) } ?? (1, 1)
            let hint = notice.fields.slug == nil
                ? "文件名不能直接用作网址名：请在 front matter 中加一行 slug: 英文或拼音名称，例如 slug: shiliqu-2025"
                : "请改成小写英文、拼音或数字，用“-”连接，例如 shiliqu-2025"
            diagnostics.append(.error(problem, file: path, line: line, column: column, hint: hint))
        }
        if let fields = notice?.fields, fields.kind != .announcement, let inspection = fields.inspection, inspection.group?.nonEmpty == nil {
            // Only an announcement may leave the group out (it lists its groups in `groups`).
            let (line, column) = doc.topLevel["inspection"].map { doc.location($0.mark) } ?? (1, 1)
            diagnostics.append(.error(Schema.missingMessage(["inspection", "group"]), file: path, line: line, column: column,
                                      hint: "请补上 group: 区委第×巡察组（只有巡察公告用 groups 列出各巡察组）"))
        }
        if !diagnostics.hasErrors, split.body.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            diagnostics.append(.error("通知正文是空的：front matter 之后没有内容", file: path, line: split.bodyFirstLine - 1, column: 1,
                                      hint: "在第二个 --- 之后写上通报正文；可参考 gongshi new 生成的章节"))
        }
        diagnostics = diagnostics.uniqued()
        guard !diagnostics.hasErrors, var notice else { return (nil, diagnostics) }
        let positions = positions(of: root, in: doc)
        notice.locateFields { positions[$0]?.line }
        return (DecodedNotice(notice: notice, positions: positions, frontMatterText: split.yaml), diagnostics)
    }

    /// Title and org written but left blank.
    private static func requiredTexts(in doc: YAMLDocument, path: String) -> [Diagnostic] {
        ["title", "org"].compactMap { key in
            guard let node = doc.topLevel[key], let text = node.scalar?.string,
                  text.trimmingWhitespace().isEmpty else { return nil }
            let (line, column) = doc.location(node.mark)
            return .error("必填字段“\(key)”是空的", file: path, line: line, column: column, hint: "请填写内容")
        }
    }

    /// The front matter and body of `summary`'s file under `root`, read again; fails when the file changed since the
    /// summary was made (an edit during the build: its page would not match its front matter).
    public static func texts(of summary: NoticeSummary, root: URL) throws -> FrontMatterSplit {
        let data = try contents(of: summary.sourcePath, root: root)
        guard Digest.of(data) == summary.sourceDigest, case .success(let split) = FrontMatterSplit.split(data, file: summary.sourcePath) else {
            throw changedDuringBuild(summary.sourcePath)
        }
        return split
    }

    /// `summary`'s notice decoded again from its file under `root`, with positions and texts; fails when the file is
    /// not the one the summary was made from.
    public static func reload(_ summary: NoticeSummary, root: URL, defaultColumn: String) throws -> DecodedNotice {
        let data = try contents(of: summary.sourcePath, root: root)
        guard Digest.of(data) == summary.sourceDigest, let decoded = decode(data: data, path: summary.sourcePath, defaultColumn: defaultColumn).0 else {
            throw changedDuringBuild(summary.sourcePath)
        }
        return decoded
    }

    private static func contents(of path: String, root: URL) throws -> Data {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
            throw BuildFailure([.error("生成过程中无法再次读取文件", file: path, line: 1, column: 1, hint: "请检查文件是否被移走或删除，然后重新生成")])
        }
        return data
    }

    private static func changedDuringBuild(_ path: String) -> BuildFailure {
        BuildFailure([.error("文件在生成过程中被修改了", file: path, line: 1, column: 1, hint: "请保存好文件后重新运行 gongshi build")])
    }
}

/// Notices read whole from their files: the source a stage uses when nothing else holds them.
public struct NoticeFiles: NoticeSource {
    public let root: URL
    public let defaultColumn: String
    public init(root: URL, defaultColumn: String) { self.root = root; self.defaultColumn = defaultColumn }

    public func notice(for summary: NoticeSummary) throws -> Notice {
        try NoticeLoader.reload(summary, root: root, defaultColumn: defaultColumn).notice
    }
}

/// Records where every key of the front matter stands.
func positions(of root: Node, in doc: YAMLDocument) -> SourcePositions {
    var result = SourcePositions()
    // The path of the node being walked, as UTF-8 (`problems[2].status`): appended to going down, cut back coming up.
    var path: [UInt8] = []
    func walk(_ node: Node) {
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard let name = key.scalar?.string else { continue }
                let parent = path.count
                if parent > 0 { path.append(UInt8(ascii: ".")) }
                path.append(contentsOf: name.utf8)
                let (line, column) = doc.location(key.mark)
                result.record(path, line: line, column: column)
                walk(value)
                path.removeSubrange(parent...)
            }
        case .sequence(let seq):
            for (i, item) in seq.enumerated() {
                let parent = path.count
                path.append(UInt8(ascii: "["))
                SourcePositions.appendDigits(of: i + 1, to: &path)
                path.append(UInt8(ascii: "]"))
                let (line, column) = doc.location(item.mark)
                result.record(path, line: line, column: column)
                walk(item)
                path.removeSubrange(parent...)
            }
        default:
            break
        }
    }
    walk(root)
    return result
}
