// Benchmark helper for scripts/bench.
//
//   gongshi-bench generate DIR COUNT [SEED]   writes a synthetic site (site.yaml + COUNT notices) into DIR
//   gongshi-bench hugo DIR HUGODIR            writes the same notices as a Hugo site with minimal templates
//   gongshi-bench floor DIR OUT REFERENCE     writes every file Gongshi wrote into REFERENCE, same paths and sizes, each
//                                             notice page from its body split and rendered by libcmark (on every core):
//                                             the machine's floor for this work
//   gongshi-bench build DIR OUT [reuse]       one build (clean, or reusing OUT's cache), without the CLI's async entry point (for callgrind)
import GongshiCore
import GongshiMarkdown
import GongshiContent
import GongshiRender
import GongshiBuild
import GongshiOutput
import Foundation

struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

let orgs = ["中共示例区教育工作委员会", "中共示例区卫生健康委员会党组", "中共示例区第一中学委员会", "中共示例区东风街道工作委员会",
            "示例区文化和旅游局党组", "中共示例区财政局党组", "中共示例区交通运输局党组", "中共示例区市场监督管理局党组",
            "中共示例区民政局党组", "中共示例区第二中学委员会", "中共示例区人民医院委员会", "中共示例区西湖街道工作委员会"]
let categories = ["落实党中央决策部署方面", "全面从严治党方面", "基层党组织建设方面", "选人用人方面", "意识形态工作方面", "作风建设方面"]
let problemStems = ["理论学习不够深入", "制度执行不够严格", "督导结果运用不充分", "资产管理不够规范", "谈心谈话流于形式", "三会一课记录不规范",
                    "财务报销审核不严", "安全隐患排查不到位", "干部交流轮岗不及时", "意识形态阵地管理不到位", "政府采购程序不规范", "上轮巡察整改不彻底"]
let sentences = ["坚持把巡察整改作为重大政治任务，成立整改工作领导小组，逐条制定整改措施。", "召开专题会议研究部署整改工作，明确责任领导、责任部门和完成时限。",
                 "建立整改台账，实行清单化管理、销号式推进，确保件件有着落、事事有回音。", "对照反馈意见举一反三，修订完善相关制度，推动建章立制。",
                 "组织开展专项检查，对发现的问题立行立改，对需要长期推进的事项持续跟踪。", "加强监督检查，定期通报整改进展，对整改不力的严肃问责。",
                 "深入学习贯彻习近平新时代中国特色社会主义思想，提高政治站位，强化责任担当。", "把整改成效转化为推动事业发展的强大动力，切实办好人民满意的事业。"]

func notice(_ i: Int, _ r: inout Random) -> (slug: String, front: [String: Any], body: String) {
    let org = r.pick(orgs)
    let year = 2018 + r.below(8)
    let date = String(format: "%04d-%02d-%02d", year, 1 + r.below(12), 1 + r.below(28))
    var problems: [[String: String]] = []
    for _ in 0..<(3 + r.below(8)) {
        problems.append(["title": r.pick(problemStems), "category": r.pick(categories), "status": r.pick(["done", "done", "partial", "ongoing"]),
                         "owner": r.pick(["办公室", "组织科", "财务科", "安全科", "督导室"])])
    }
    var body = "根据统一部署，巡察组对\(org)开展了常规巡察，并反馈了巡察意见。现将整改进展情况予以公布。\n\n"
    let sections = ["一、整改工作的组织开展情况", "二、反馈问题的整改落实情况", "三、下一步工作打算"]
    for (s, heading) in sections.enumerated() {
        body += "## \(heading)\n\n"
        for p in 0..<(3 + r.below(4)) {
            if s == 1 { body += "### （\(["一", "二", "三", "四", "五", "六"][p])）关于“\(r.pick(problemStems))”问题\n\n" }
            body += (0..<(4 + r.below(4))).map { _ in r.pick(sentences) }.joined() + "\n\n"
            if r.below(3) == 0 {
                body += (1...(2 + r.below(3))).map { "\($0). " + r.pick(sentences) }.joined(separator: "\n") + "\n\n"
            }
        }
    }
    body += "欢迎广大干部群众对巡察整改落实情况进行监督。\n"
    let front: [String: Any] = [
        "title": "\(org)关于巡察整改进展情况的通报（第\(i)号）", "org": org, "date": date, "slug": "n\(i)",
        "column": r.pick(["巡察整改", "学校党建", "街道社区"]),
        "inspection": ["group": "区委第\(["一", "二", "三", "四"][r.below(4)])巡察组", "round": "第\(1 + r.below(9))轮巡察",
                       "start": "\(year - 1)-03-01", "end": "\(year - 1)-04-30", "feedback": "\(year - 1)-06-15"],
        "problems": problems,
        "contact": ["phone": ["010-5555\(String(format: "%04d", r.below(10000)))"], "email": "xczg\(i)@example.gov.cn",
                    "address": "示例路\(1 + r.below(999))号", "postcode": "100\(String(format: "%03d", r.below(1000)))", "envelope": "巡察整改意见建议"],
    ]
    return ("n\(i)", front, body)
}

/// Front matter in the form gongshi reads (keys in a fixed order).
func yaml(_ front: [String: Any]) -> String {
    var out = ""
    for key in ["title", "org", "date", "slug", "column"] { out += "\(key): \"\(front[key]!)\"\n" }
    let i = front["inspection"] as! [String: String]
    out += "inspection:\n" + ["round", "group", "start", "end", "feedback"].map { "  \($0): \(i[$0]!)\n" }.joined()
    out += "problems:\n"
    for p in front["problems"] as! [[String: String]] {
        out += "  - title: \(p["title"]!)\n    category: \(p["category"]!)\n    status: \(p["status"]!)\n    owner: \(p["owner"]!)\n"
    }
    let c = front["contact"] as! [String: Any]
    out += "contact:\n  phone: [\"\((c["phone"] as! [String])[0])\"]\n  email: \(c["email"]!)\n  address: \(c["address"]!)\n  postcode: \"\(c["postcode"]!)\"\n  envelope: \(c["envelope"]!)\n"
    return out
}

func write(_ path: URL, _ text: String) throws {
    try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: path)
}

let args = CommandLine.arguments
guard args.count >= 3 else {
    usage()
}

func usage() -> Never {
    FileHandle.standardError.write(Data("用法：gongshi-bench generate DIR COUNT [SEED] | hugo DIR HUGODIR | floor DIR OUT REFERENCE | build DIR OUT [reuse]\n".utf8))
    exit(64)
}
let dir = URL(fileURLWithPath: args[2])
switch args[1] {
case "generate":
    let count = Int(args[3])!
    var r = Random(state: UInt64(args.count > 4 ? args[4] : "42")!)
    try write(dir.appendingPathComponent("content/site.yaml"), "title: 基准测试网站\nbaseURL: https://www.example.gov.cn/dwgk/xczg/\n")
    for i in 0..<count {
        let n = notice(i, &r)
        try write(dir.appendingPathComponent("content/notices/\(n.slug).md"), "---\n" + yaml(n.front) + "---\n\n" + n.body)
    }
case "hugo":
    // The same notices for Hugo: one page per notice with the same Markdown body, and an index.
    let hugo = URL(fileURLWithPath: args[3])
    try write(hugo.appendingPathComponent("hugo.toml"), """
    baseURL = "https://www.example.gov.cn/dwgk/xczg/"
    languageCode = "zh-CN"
    title = "基准测试网站"
    disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
    [markup.goldmark.renderer]
    unsafe = false

    """)
    try write(hugo.appendingPathComponent("layouts/_default/baseof.html"), "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>\n")
    try write(hugo.appendingPathComponent("layouts/_default/single.html"), """
    {{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Params.org }} · {{ .Date.Format "2006-01-02" }}</p>
    <section><h2>巡察情况</h2><p>{{ .Params.inspection.group }}</p></section>
    {{ .Content }}
    <table>{{ range .Params.problems }}<tr><td>{{ .category }}</td><td>{{ .title }}</td><td>{{ .status }}</td><td>{{ .owner }}</td></tr>{{ end }}</table>
    <section><h2>监督与反馈</h2><p>{{ range .Params.contact.phone }}<a href="tel:{{ . }}">{{ . }}</a>{{ end }} <a href="mailto:{{ .Params.contact.email }}">{{ .Params.contact.email }}</a> {{ .Params.contact.address }}</p></section>
    {{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</article>{{ end }}

    """)
    try write(hugo.appendingPathComponent("layouts/_default/list.html"), "{{ define \"main\" }}<ol>{{ range .Pages.ByDate.Reverse }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ .Params.org }}</li>{{ end }}</ol>{{ end }}\n")
    try write(hugo.appendingPathComponent("layouts/index.html"), "{{ define \"main\" }}<ol>{{ range first 20 (where .Site.RegularPages \"Section\" \"notices\").ByDate.Reverse }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ol>{{ end }}\n")
    let notices = dir.appendingPathComponent("content/notices")
    let names = try FileManager.default.contentsOfDirectory(atPath: notices.path).filter { $0.hasSuffix(".md") }
    for name in names {
        let text = try String(contentsOf: notices.appendingPathComponent(name), encoding: .utf8)
        try write(hugo.appendingPathComponent("content/notices/\(name)"), text)
    }
case "floor":
    // The same files Gongshi wrote into REFERENCE (its output for this site), at the same paths and sizes, on every
    // core (3 threads per core, as Gongshi writes pages), written as Gongshi writes them (`FileWriting`: not flushed
    // one by one, the whole folder flushed once at the end): each notice page is its file read, split at the front
    // matter as Gongshi splits it and its body rendered by libcmark (padded to the page's size); every other file is
    // that many bytes. Templates, YAML and the model are what this leaves out: the floor for this work on this machine.
    guard args.count > 4 else { usage() }
    let out = URL(fileURLWithPath: args[3]), reference = URL(fileURLWithPath: args[4])
    let notices = dir.appendingPathComponent("content/notices")
    let walker = FileManager.default.enumerator(at: reference, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey])!
    var files: [(path: String, size: Int)] = []
    for case let url as URL in walker {
        let values = try url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])
        if values.isRegularFile == true { files.append((String(url.path.dropFirst(reference.path.count + 1)), values.fileSize ?? 0)) }
    }
    let sorted = files.sorted { $0.path < $1.path }
    let renderer = MarkdownRenderer()
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    _ = parallelMap(sorted.count, threadsPerCore: 3) { i in
        let (path, size) = sorted[i]
        var bytes = Data()
        let parts = path.split(separator: "/")
        if parts.count == 3, parts[0] == "notices", parts[2] == "index.html",
           let data = try? Data(contentsOf: notices.appendingPathComponent("\(parts[1]).md")),
           case .success(let split) = FrontMatterSplit.split(data, file: path) {
            bytes = Data(renderer.html(split.body).utf8)
        }
        bytes.count < size ? bytes.append(Data(repeating: 0x20, count: size - bytes.count)) : bytes.removeLast(bytes.count - size)
        let file = out.appendingPathComponent(path)
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileWriting.write(bytes, to: file.path)
    }
    try FileWriting.flush(fileSystemOf: out.path)
case "build":
    // One clean build of DIR into OUT, on the main thread's own stack (no async entry point): the form callgrind
    // can follow (`valgrind --tool=callgrind gongshi-bench build DIR OUT`; it crashes on the CLI's dispatch main loop).
    // With `reuse`, an incremental build reusing OUT's cache, as `gongshi build` does after an edit. Under valgrind
    // the cache of a build made outside it is not reused (the program identity comes from /proc/self/exe, which is
    // then valgrind's own): the run silently becomes a clean build.
    guard args.count > 3 else { usage() }
    var options = BuildOptions(site: dir, output: URL(fileURLWithPath: args[3]), now: Moment("2026-11-23 09:00"))
    options.reuseUnchangedOutput = args.count > 4 && args[4] == "reuse"
    let report = try SiteBuilder.build(options)
    print("\(report.noticeCount) 篇通知，写出 \(report.filesWritten) 个文件")
default:
    usage()
}
