// A long randomized test of the notice pipeline (front matter + Markdown → page), run by scripts/fuzz.
//
// Starting from valid notices and hostile fragments, it mutates inputs (byte flips, splices, inserted
// fragments, deep nesting, huge lines) and feeds each to the loader and, when it loads, the renderer.
// A crash ends the process; the input that caused it is in the file named by --current. Invariants
// checked on every input:
//   - every diagnostic has a Chinese message and a line inside the file;
//   - no script, event handler or javascript:/vbscript:/data: URL from the input reaches the page.
import GongshiCore
import GongshiContent
import GongshiRender
import GongshiBuild
import GongshiMarkdown
import Foundation

struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

let seeds: [String] = [
    """
    ---
    title: 中共示例区教育工作委员会关于巡察整改进展情况的通报
    org: 中共示例区教育工作委员会
    date: 2025-07-28
    inspection:
      round: 十届区委第二轮巡察
      group: 区委第二巡察组
      start: 2024-12-05
      end: 2025-01-24
      feedback: 2025-03-11
    problems:
      - title: 把握职能定位不够准确
        category: 落实教育督导职能不够到位
        status: done
      - title: 督导结果运用不充分
        status: partial
    contact:
      phone: ["021-22050716"]
      email: a@example.org
      envelope: 意见建议
    ---

    ## 一、整改情况

    - 第一项 **加粗** [链接](https://example.gov.cn/)
    - 第二项

    > 引用
    """,
    """
    ---
    title: 单位关于整改的公示
    org: 单位
    date: 2024-02-29
    stats: {total: 28, done: 18, partial: 10}
    ---
    正文<script>alert(1)</script> [x](javascript:alert(1)) ![y](data:image/png;base64,AAAA)
    """,
]

let fragments: [String] = [
    "---\n", "\n", ":", ": ", "  - ", "- ", "\t", "\"", "'", "{", "}", "[", "]", "&", "*a", "&a ", "!!binary ", "? ",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "JAVASCRIPT:x", "vbscript:x",
    "data:text/html,x", "[x](javascript:alert(1))", "![i](data:x)", "<a href=\"javascript:x\">", "\" onclick=\"x\"",
    "{{title}}", "{{{x}}}", "〔〕", "某某", "X月", "TODO", "\u{0}", "\r\n", "\r", "\u{FEFF}", "\u{202E}", "\u{FFFF}",
    "title: ", "org: ", "date: ", "date: 2025-02-30", "status: done", "status: 完成", "slug: ../x", "slug: con",
    "inspection:\n  group: g\n", "problems:\n  - title: t\n    status: partial\n", "contact:\n  phone: 1\n",
    "```\ncode\n```\n", "# h\n", "| a | b |\n|---|---|\n", "<!-- c -->", "<div>", "</div>", "\\", "`", "~~~", "***",
]

func mutate(_ input: [UInt8], _ g: inout Generator) -> [UInt8] {
    var bytes = input
    for _ in 0...g.below(4) {
        switch g.below(9) {
        case 0 where !bytes.isEmpty:
            bytes[g.below(bytes.count)] = UInt8(truncatingIfNeeded: g.next())
        case 1:
            let f = Array(fragments[g.below(fragments.count)].utf8)
            bytes.insert(contentsOf: f, at: g.below(bytes.count + 1))
        case 2 where bytes.count > 2:
            let a = g.below(bytes.count), b = min(bytes.count, a + g.below(64))
            bytes.removeSubrange(a..<b)
        case 3 where bytes.count > 2:
            let a = g.below(bytes.count), b = min(bytes.count, a + g.below(128))
            bytes.insert(contentsOf: bytes[a..<b], at: g.below(bytes.count + 1))
        case 4:
            // Deep nesting in the body or the front matter.
            let unit = ["> ", "- ", "  ", "[", "{", "*", "<div>"][g.below(7)]
            let depth = g.chance(10) ? 10_000 : g.below(300)
            bytes.insert(contentsOf: Array(String(repeating: unit, count: depth).utf8) + [10], at: g.below(bytes.count + 1))
        case 5 where g.chance(5):
            // A very long line.
            bytes.append(contentsOf: Array(repeating: UInt8(ascii: "a"), count: 1_000_000 + g.below(1_000_000)))
        case 6:
            let other = Array(seeds[g.below(seeds.count)].utf8)
            let cut = g.below(other.count)
            bytes = Array(bytes.prefix(g.below(bytes.count + 1))) + other[cut...]
        case 7 where g.chance(5):
            // Many problems in one front matter.
            let count = 1000 + g.below(20_000)
            var list = "problems:\n"
            for i in 0..<count { list += "  - title: 问题\(i)\n    status: done\n" }
            bytes.insert(contentsOf: Array(list.utf8), at: min(bytes.count, 4))
        default:
            let f = Array(fragments[g.below(fragments.count)].utf8)
            bytes.append(contentsOf: f)
        }
    }
    return bytes
}

// MARK: Invariants

var failures = 0
@MainActor func fail(_ message: String, _ input: [UInt8], _ directory: URL) {
    failures += 1
    let url = directory.appendingPathComponent("failure-\(failures).md")
    try? Data(input).write(to: url)
    FileHandle.standardError.write(Data("不变量被破坏：\(message)（输入已保存到 \(url.path)）\n".utf8))
}

/// Every start tag of the page (text never holds a raw `<`: it is escaped).
let tagPattern = try! NSRegularExpression(pattern: "<[a-z][^>]*>")
let handlerPattern = try! NSRegularExpression(pattern: "\\son[a-z]+\\s*=")
let urlPattern = try! NSRegularExpression(pattern: "(?:href|src)\\s*=\\s*\"\\s*(javascript|vbscript|data):")

@MainActor func check(_ bytes: [UInt8], templates: TemplateSet, directory: URL) {
    let data = Data(bytes)
    let (notice, diagnostics) = NoticeLoader.load(data: data, path: "content/notices/fuzz.md", defaultColumn: "巡察整改")
    let lineCount = bytes.reduce(1) { $1 == 10 ? $0 + 1 : $0 }
    for d in diagnostics {
        if d.line < 0 || d.line > lineCount + 1 { fail("诊断行号 \(d.line) 超出文件行数 \(lineCount)：\(d.message)", bytes, directory) }
        if !d.message.unicodeScalars.contains(where: { $0.value >= 0x4E00 && $0.value <= 0x9FFF }) {
            fail("诊断信息不是中文：\(d.message)", bytes, directory)
        }
    }
    guard let notice else {
        if !diagnostics.hasErrors { fail("没有生成通知，也没有错误", bytes, directory) }
        return
    }
    let model = SiteModel(config: SiteConfig(title: "测试"), notices: [notice.summary], now: Moment(date: notice.date))
    let rendered = SiteRenderer(model: model, templates: templates).renderNotice(notice, at: 0)
    let page = String(decoding: rendered.html, as: UTF8.self).lowercased()
    for match in tagPattern.matches(in: page, range: NSRange(page.startIndex..., in: page)) {
        let tag = String(page[Range(match.range, in: page)!])
        let range = NSRange(tag.startIndex..., in: tag)
        // Attribute names only: quoted values are text (quotes inside them are escaped as &quot;).
        let names = tag.replacingOccurrences(of: "\"[^\"]*\"", with: "\"\"", options: .regularExpression)
        if handlerPattern.firstMatch(in: names, range: NSRange(names.startIndex..., in: names)) != nil {
            fail("页面标签中出现了事件处理属性：\(tag.prefix(200))", bytes, directory)
        }
        if urlPattern.firstMatch(in: tag, range: range) != nil { fail("页面标签中出现了危险链接：\(tag.prefix(200))", bytes, directory) }
        if tag.hasPrefix("<iframe") || tag.hasPrefix("<object") || tag.hasPrefix("<embed") { fail("页面中出现了 \(tag.prefix(40))", bytes, directory) }
    }
    let scripts = page.components(separatedBy: "<script").dropFirst()
    if !scripts.allSatisfy({ $0.hasPrefix(" src=\"../../assets/") }) {
        fail("页面中出现了不是网站自带的 <script>", bytes, directory)
    }
}

// MARK: Main

var seconds = 60.0
var seed: UInt64 = 1
var directory = URL(fileURLWithPath: ".build-fuzz")
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--seconds": seconds = Double(arguments.next() ?? "60") ?? 60
    case "--seed": seed = UInt64(arguments.next() ?? "1") ?? 1
    case "--dir": directory = URL(fileURLWithPath: arguments.next() ?? ".build-fuzz")
    default: break
    }
}
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
let current = directory.appendingPathComponent("current.md")
let templates = TemplateSet.builtin()
var generator = Generator(state: seed)
var corpus: [[UInt8]] = seeds.map { Array($0.utf8) }
let started = Date()
var iterations = 0
var loaded = 0
var lastReport = started
while Date().timeIntervalSince(started) < seconds {
    let base = corpus[generator.below(corpus.count)]
    let input: [UInt8]
    // Most of the time keep the front matter and mutate only the body, so rendering is exercised too.
    if generator.chance(60), let text = String(bytes: base, encoding: .utf8),
       let close = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: min(3, text.count))..<text.endIndex) {
        let head = Array(text[..<close.upperBound].utf8)
        input = head + mutate(Array(text[close.upperBound...].utf8), &generator)
    } else {
        input = mutate(base, &generator)
    }
    // Saved before each run so a crash leaves the input behind.
    try? Data(input).write(to: current)
    check(input, templates: templates, directory: directory)
    iterations += 1
    let didLoad = NoticeLoader.load(data: Data(input), path: "x.md", defaultColumn: "x").0 != nil
    if didLoad { loaded += 1 }
    if input.count < 20_000 && corpus.count < 2000 && generator.chance(didLoad ? 10 : 2) { corpus.append(input) }
    if Date().timeIntervalSince(lastReport) > 60 {
        lastReport = Date()
        print("已运行 \(Int(Date().timeIntervalSince(started))) 秒：\(iterations) 个输入，\(loaded) 个生成了页面，\(failures) 个问题")
    }
}
try? FileManager.default.removeItem(at: current)
print("随机测试结束：\(Int(Date().timeIntervalSince(started))) 秒，种子 \(seed)，\(iterations) 个输入，其中 \(loaded) 个生成了页面，\(failures) 个问题")
exit(failures == 0 ? 0 : 1)
