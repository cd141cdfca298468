import GongshiCore
import GongshiContent
import Foundation

/// `gongshi new "标题"`: a notice file with every field present (optional ones commented) and the usual sections.
public enum NoticeScaffold {
    /// The issuing organization as titles name it: the part before 关于.
    public static func org(fromTitle title: String) -> String? {
        guard let range = title.range(of: "关于") else { return nil }
        let prefix = title[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
        return prefix.isEmpty ? nil : prefix
    }

    /// A readable ASCII slug for a Chinese title: the date plus a short hash of the title (stable for the same title).
    public static func slug(for title: String, date: CalendarDate) -> String {
        let hash = String(StableID.hash(title), radix: 16).leftPadded(to: 16)
        return "\(date.description)-\(hash.suffix(6))"
    }

    /// The new notice's text: an announcement's own (groups, deadline), else the rectification notice's with its kind.
    public static func text(title: String, org: String, date: CalendarDate, kind: NoticeKind) -> String {
        if kind == .announcement { return announcementText(title: title, org: org, date: date) }
        let text = self.text(title: title, org: org, date: date)
        guard kind != .rectification else { return text }
        return text.replacingOccurrences(of: kindComment, with: "kind: \(kind.rawValue)")
    }

    /// `text` with `indexNumber: "…"` as the line after `date:` (the number never changes once published).
    static func withIndexNumber(_ number: String, in text: String) -> String {
        guard let date = text.range(of: "\ndate: "), let end = text[date.upperBound...].firstIndex(of: "\n") else { return text }
        let quoted = "\"" + number.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return String(text[...end]) + "indexNumber: \(quoted)          # 索引号（按本站规则自动分配，发布后不要改动）\n" + text[text.index(after: end)...]
    }

    static let kindComment = "# kind: rectification             # 通知类型：announcement（巡察公告）、feedback（反馈情况）、rectification（整改情况，默认）、followUp（回头看）"

    public static func text(title: String, org: String, date: CalendarDate, example: Bool = false) -> String {
        func quoted(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        let inspection = inspectionLines(date: date, example: example)
        let front = """
        ---
        title: \(quoted(title))
        org: \(quoted(org))                # 发布单位
        date: \(date.description)                  # 发布日期
        \(kindComment)
        # slug: \(slug(for: title, date: date))    # 网址名（可选，默认用文件名）
        # column: 巡察整改                # 栏目（可选，默认用 site.yaml 的 defaultColumn）
        # summary: 一段摘要，显示在列表中（可选）
        # documentNumber: 〔\(date.year)〕1号        # 文号（可选，用全角六角括号〔〕）
        # draft: true                     # 草稿：签发前保留这一行，gongshi build 不会发布（gongshi serve 可预览）
        # time: "09:00"                   # 发布时间（可选，北京时间）：date 当天到这个时间才发布
        # review:                         # 签发记录（内部信息，默认不在页面上显示）
        #   drafter: 拟稿人
        #   reviewer: 审核人
        #   approver: 签发人
        #   approved: \(date.description)          # 签发日期
        # period:                         # 公示期（可选）
        #   start: \(date.description)
        #   end: \(date.description)
        \(inspection)
        # stats:                          # 没有逐项问题时，可只写汇总数字
        #   total: 28
        #   done: 18
        #   partial: 10
        #   ongoing: 0
        # contact:                        # 监督反馈渠道（可选，默认用 site.yaml 的 contact）
        #   phone: ["010-12345678"]
        #   email: name@example.gov.cn
        #   address: 通信地址
        #   postcode: "100000"
        #   envelope: 关于巡察整改落实情况的意见建议
        # signature:                      # 落款（可选，默认为发布单位和发布日期）
        #   org: 发布单位
        #   date: \(date.description)
        ---


        """
        return front + sections
    }

    /// The inspection and problems part of the front matter: filled in for the example notice, commented out for `gongshi new`.
    static func inspectionLines(date: CalendarDate, example: Bool) -> String {
        example ? """
        inspection:                       # 本通知回应的巡察
          round: 第一轮巡察               # 巡察轮次
          group: 第一巡察组               # 巡察组（有 inspection 时必填）
          target: 示例单位党委            # 被巡察单位
          start: \(date.year - 1)-03-01               # 巡察开始日期
          end: \(date.year - 1)-04-30                 # 巡察结束日期
          feedback: \(date.year - 1)-06-15            # 反馈日期
        problems:                         # 逐项问题；status 可写 done（已完成）、partial（阶段性成效）、ongoing（持续推进）、notStarted（未完成）
          - title: 理论学习不够深入
            category: 政治建设方面
            status: done
            owner: 党委办公室
            due: \(date.year - 1)-09-30
          - title: 制度执行不够严格
            category: 管理方面
            status: partial
            owner: 综合科
        """ : """
        # inspection:                     # 本通知回应的巡察（有巡察信息时去掉下面各行开头的“# ”）
        #   id: 2024-2-jiaoyu             # 同一次巡察的编号（可选：单位名称前后写法不同时，用它关联几篇通知）
        #   round: 十届区委第二轮巡察     # 巡察轮次
        #   group: 区委第二巡察组         # 巡察组（有 inspection 时必填）
        #   target: 区教育工作党委        # 被巡察单位
        #   start: 2024-12-05             # 巡察开始日期
        #   end: 2025-01-24               # 巡察结束日期
        #   feedback: 2025-03-11          # 反馈日期
        # problems:                       # 逐项问题；status 可写 done（已完成）、partial（阶段性成效）、ongoing（持续推进）、notStarted（未完成）
        #   - title: 问题概括
        #     category: 所属方面
        #     status: done
        #     owner: 责任部门
        #     due: 2025-06-30             # 整改时限
        """
    }

    /// The usual sections of a rectification notice, each with what to write there.
    static let sections = """
        根据统一部署，巡察组对本单位开展了巡察，并反馈了巡察意见。按照党务公开和巡察工作有关要求，现将整改进展情况予以公布。

        ## 一、整改工作的组织开展情况

        请在这里写明收到反馈意见后如何组织整改：召开了哪些会议，成立了什么机构，制定了什么方案。

        ## 二、反馈问题的整改落实情况

        请在这里逐条写明每个问题采取的整改措施和目前的进展。

        ## 三、下一步工作打算

        请在这里写明对尚未完成事项的安排和建立长效机制的打算。

        ## 四、欢迎监督

        欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请通过本页下方的联系方式反映。

        """

    /// Writes a new notice into content/notices/. Refuses to overwrite.
    public static func create(in layout: SiteLayout, title: String, org: String?, date: CalendarDate, slug: String?,
                              kind: NoticeKind = .rectification) throws -> URL {
        let cleanTitle = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !cleanTitle.isEmpty else { throw ScaffoldError("标题是空的", hint: "例如：gongshi new \"某单位关于巡察整改进展情况的通报\"") }
        guard let org = org?.nonEmpty ?? self.org(fromTitle: cleanTitle) else {
            throw ScaffoldError("无法从标题中找出发布单位（标题里没有“关于”）", hint: "用 --org 指定发布单位，例如 --org 中共示例区教育工作委员会")
        }
        let name = slug ?? self.slug(for: cleanTitle, date: date)
        if let problem = Slug.problem(with: name) { throw ScaffoldError(problem, hint: "请换一个 --slug") }
        guard FileManager.default.fileExists(atPath: layout.configFile.path) else {
            throw ScaffoldError("\(layout.root.path) 不是网站文件夹（没有 content/site.yaml）", hint: "先运行 gongshi init 文件夹，或用 --site 指定网站文件夹")
        }
        let url = layout.noticesFolder.appendingPathComponent("\(name).md")
        if FileManager.default.fileExists(atPath: url.path) {
            throw ScaffoldError("文件 \(layout.displayPath(url)) 已存在，没有覆盖", hint: "换一个标题或用 --slug 指定另一个网址名")
        }
        try FileManager.default.createDirectory(at: layout.noticesFolder, withIntermediateDirectories: true)
        var text = text(title: cleanTitle, org: org, date: date, kind: kind)
        if let number = IndexNumbers.next(for: date, in: layout) { text = withIndexNumber(number, in: text) }
        try Data(text.utf8).write(to: url)
        return url
    }
}

extension CalendarDate {
    /// Today on Beijing time, the day of the reference time (SOURCE_DATE_EPOCH when set, else the clock): the date
    /// `new`, `init` and `import` write when none is given, whatever the machine's time zone.
    public static func today() -> CalendarDate { Moment.current().date }
}
