import Foundation
import GongshiCore

/// The variation real notices show, in one place: web-page widgets, stray spaces, numbering styles, status
/// phrasings, Chinese numerals in dates and counts.
extension NoticeImporter {
    // MARK: Lines

    /// The source as lines: line breaks and page breaks unified, each line trimmed (also of full-width and
    /// no-break spaces), stray spaces between Chinese characters and punctuation removed, empty lines dropped.
    static func lines(of source: String) -> [String] {
        source.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n").replacingOccurrences(of: "\u{0C}", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { removeSpacesBetweenHan($0.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{3000}\u{00A0}\u{FEFF}")))) }
            .filter { !$0.isEmpty }
    }

    /// Spaces between Chinese characters (and their punctuation), or between one and a digit (`2024 年`, PDF
    /// exports put them there), are stray.
    static func removeSpacesBetweenHan(_ text: String) -> String {
        text.replacingOccurrences(of: "(?<=[\\p{Han}，。、；：“”（）《》！？])[ \\t\\u3000\\u00A0]+(?=[\\p{Han}，。、；：“”（）《》！？0-9])|(?<=[0-9])[ \\t\\u3000\\u00A0]+(?=[\\p{Han}，。、；：“”（）《》！？])",
                                  with: "", options: .regularExpression)
    }

    /// Labelled values web pages put around a notice (`来源：区纪委`, `浏览次数：1024`, `发布时间：2024-04-15 09:30`).
    static let labelledWidget = regex("(?:发布|更新|成文)?(?:时间|日期)[:：]\\s*[0-9０-９\\-/年月日:：\\s]*|(?:信息|文章)?来源[:：]\\s*[^\\s【】\\[\\]|｜]*|(?:作者|责任编辑|编辑|审核|发布机构|点击数?|点击量|点击率|浏览次数|浏览量|浏览|阅读次数|阅读量|阅读|访问量|访问次数)[:：]?\\s*[0-9０-９]*[^\\s【】\\[\\]|｜]*")
    /// Buttons and links of a page's toolbar.
    static let widgetWord = regex("打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回列表|返回|收藏本页|收藏|加入收藏|分享到|分享|微信|微博|QQ空间|QQ|扫一扫在手机打开当前页|扫一扫|手机扫码|字号|字体|默认|大|中|小|【|】|\\[|\\]|\\||｜|:|：|·|/|次|\\s")
    /// Lines of the site around the notice: where you are, the date today, neighbours, the footer.
    static let siteLine = regex("^今天是|^您当前(所在)?的?位置|^当前位置|^(上一篇|下一篇)[:：]|版权所有|主办单位[:：]|承办单位[:：]|ICP备|公网安备|网站标识码|技术支持[:：]|^网站地图|^联系我们$|^首页\\s*[>＞»]")

    /// A line made only of page widgets (`【打印】【关闭】`, `字号：大 中 小`, `来源：… 浏览次数：…`, several on one line): what is
    /// left after taking out labelled values and toolbar words is nothing, and there was at least one of either.
    static func isWidgetLine(_ line: String) -> Bool {
        let range = NSRange(line.startIndex..., in: line)
        if siteLine.firstMatch(in: line, range: range) != nil && line.count <= 100 { return true }
        let withoutLabels = labelledWidget.stringByReplacingMatches(in: line, range: range, withTemplate: "")
        let rest = widgetWord.stringByReplacingMatches(in: withoutLabels, range: NSRange(withoutLabels.startIndex..., in: withoutLabels), withTemplate: "")
        return rest.isEmpty && (withoutLabels.count < line.count || toolbarWord.firstMatch(in: line, range: range) != nil)
    }

    static let toolbarWord = regex("打印|关闭|分享|收藏|返回|字号|字体|扫一扫")

    /// The publication date a page states about itself (`发布时间：…`, `发布日期：…`, `时间：…`).
    static func statedPublicationDate(in lines: [String]) -> CalendarDate? {
        for line in lines where isWidgetLine(line) {
            guard let label = line.range(of: "(?:发布时间|发布日期|成文日期|时间|日期)[:：]", options: .regularExpression) else { continue }
            if let date = dates(in: String(line[label.upperBound...]), year: nil).first?.0 { return date }
        }
        return nil
    }

    // MARK: Numbers

    static let hanDigits: [Character: Int] = ["〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                                              "七": 7, "八": 8, "九": 9]

    /// `28`, `２８`, `二十八`, `十二`, `二〇二四` (digit by digit) as a number.
    static func number(_ text: String) -> Int? {
        let ascii = String(text.unicodeScalars.map { (0xFF10...0xFF19).contains($0.value) ? Character(Unicode.Scalar($0.value - 0xFEE0)!) : Character($0) })
        if let value = Int(ascii) { return value }
        guard !text.isEmpty, text.allSatisfy({ hanDigits[$0] != nil || $0 == "十" || $0 == "百" }) else { return nil }
        if !text.contains("十") && !text.contains("百") { return text.reduce(0) { $0 * 10 + hanDigits[$1]! } }
        var total = 0, current = 0
        for c in text {
            if let d = hanDigits[c] { current = d } else if c == "十" { total += max(current, 1) * 10; current = 0 } else { total += max(current, 1) * 100; current = 0 }
        }
        return total + current
    }

    static let countWord = "([0-9０-９]+|[一二三四五六七八九十两]{1,4})"

    // MARK: Problems and statuses

    /// Status phrasings, most specific first (未完成 before 完成, 基本完成 before 完成).
    static let statusPhrases: [(String, ProblemStatus)] = [
        ("尚未完成", .notStarted), ("未完成", .notStarted), ("尚未启动", .notStarted), ("未开始", .notStarted), ("未整改", .notStarted),
        ("基本完成", .partial), ("取得阶段性成效", .partial), ("阶段性成效", .partial), ("部分完成", .partial), ("初见成效", .partial),
        ("需长期坚持", .ongoing), ("长期坚持", .ongoing), ("需长期整改", .ongoing), ("长期整改", .ongoing), ("持续整改", .ongoing),
        ("持续推进", .ongoing), ("正在整改", .ongoing), ("整改中", .ongoing), ("正在推进", .ongoing), ("推进中", .ongoing),
        ("已经整改到位", .done), ("已整改到位", .done), ("整改到位", .done), ("已完成整改", .done), ("已整改完成", .done),
        ("整改完成", .done), ("已完成", .done), ("已办结", .done), ("已销号", .done), ("完成整改", .done),
    ]

    /// The status a phrase states, nil when it states none.
    static func statedStatus(in text: String) -> ProblemStatus? {
        statusPhrases.first { text.contains($0.0) }?.1
    }

    /// Item numbering: 1. 1、 1． (1) （1） ① （一） 一、 第一.
    static let itemNumber = regex("^(?:\\d+\\s*[.．、]|[（(]\\s*\\d+\\s*[）)]|[①-⑳]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[，,、]?)\\s*")
    /// A problem as items name it: `针对“…”问题`, `关于…的问题`, `…问题` (the words 针对, 关于 and 问题 each optional).
    static let problemTitle = regex("^(?:针对|关于)?[“\"「]?(.{2,60}?)[”\"」]?(?:的)?问题")
    static let statusLabel = regex("(?:整改情况|整改进展|整改状态|进展情况|完成情况|状态)[:：]\\s*")
}

extension NoticeImporter {
    // MARK: Title

    static let organizationSuffix = regex("(?:委员会|党委|党组|工委|党总支|总支部|支部|纪委|监委|纪委监委|政府|局|办公室|学校|中学|小学|学院|大学|医院|中心|公司|街道|镇|乡|巡察组|领导小组|办)$")

    static func isOrganizationLine(_ line: String) -> Bool {
        line.count <= 30 && !line.contains(where: { "，。：；,:;".contains($0) })
            && organizationSuffix.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
    }

    static func endsLikeTitle(_ line: String) -> Bool {
        ["通报", "公示", "公告", "报告", "情况", "通知", "决定", "说明"].contains { line.hasSuffix($0) }
    }

    /// The title, taken out of `lines`: the hint (a page's ArticleTitle or `<h1>`) where the text has it — lines above
    /// it are the site's — else the first line unless it reads like body text. An organization's name on the line
    /// above `关于…` and a title broken over two lines are joined; repeats (pages often show it twice) are dropped.
    static func takeTitle(from lines: inout [String], hint: String?) -> String? {
        func key(_ text: String) -> String { text.filter { !$0.isWhitespace } }
        var title: String
        if let hint = hint.map(removeSpacesBetweenHan), !hint.isEmpty {
            title = hint
            let head = lines.prefix(30)
            if let i = head.firstIndex(where: { key($0) == key(hint) }) {
                lines.removeFirst(i + 1)
            } else if let i = head.indices.first(where: { $0 + 1 < lines.count && key(lines[$0] + lines[$0 + 1]) == key(hint) }) {
                lines.removeFirst(i + 2)
            }
        } else {
            // A site's name or a breadcrumb above the title: the title is the first line saying 关于… and ending like
            // one, when the lines above it do neither (an organization's name right above it belongs to it).
            if let i = lines.prefix(6).firstIndex(where: { $0.contains("关于") && endsLikeTitle($0) && !looksLikeBodySentence($0) }), i > 0,
               !lines[..<i].contains(where: { $0.contains("关于") || looksLikeBodySentence($0) }) {
                lines.removeFirst(isOrganizationLine(lines[i - 1]) && lines[i].hasPrefix("关于") ? i - 1 : i)
            }
            guard let first = lines.first, !looksLikeBodySentence(first) else { return nil }
            title = first
            lines.removeFirst()
            if let next = lines.first, !looksLikeBodySentence(next), next.count <= 60,
               (isOrganizationLine(title) && next.hasPrefix("关于")) || (!endsLikeTitle(title) && endsLikeTitle(next) && next.count <= 30) {
                title += next
                lines.removeFirst()
            }
        }
        while let next = lines.first, key(next) == key(title) { lines.removeFirst() }
        return title
    }

    // MARK: Problems

    /// Problem items in their many forms: a numbered line naming a problem (with or without 针对/关于 and 问题) with a
    /// status stated on it (`整改情况：已完成整改`, `（已整改到位）`) or on the short line under it. The category is the
    /// heading (一、… or 第一方面…) they stand under.
    static func problems(fromLines lines: [String]) -> [Problem] {
        var found: [Problem] = []
        var category: String?
        for (i, line) in lines.enumerated() {
            let range = NSRange(line.startIndex..., in: line)
            let numbering = itemNumber.firstMatch(in: line, range: range).flatMap { Range($0.range, in: line) }
            let item = numbering.map { String(line[$0.upperBound...]) } ?? line
            let next = i + 1 < lines.count ? lines[i + 1] : ""
            let named = firstMatch(problemTitle, in: item).map { ($0, true) } ?? (numbering != nil && item.count <= 50 && !item.hasSuffix("。") ? (item, false) : nil)
            let status = named.flatMap { _ in itemStatus(item: item, next: next) }
            guard let (title, _) = named, let status, numbering != nil || line.hasPrefix("针对") || line.hasPrefix("关于") else {
                if isHeading(line) {
                    category = numbering.map { String(line[$0.upperBound...]) } ?? line
                }
                continue
            }
            let beforeLabel = statusLabel.firstMatch(in: title, range: NSRange(title.startIndex..., in: title)).flatMap { Range($0.range, in: title) }
                .map { String(title[..<$0.lowerBound]) } ?? title
            found.append(Problem(title: beforeLabel.trimmingCharacters(in: CharacterSet(charactersIn: "“”\"「」。；，：: ")), category: category, status: status))
        }
        return found
    }

    /// The status of an item: stated after a label or in brackets on its own line, or on the (short, or labelled) line under it.
    static func itemStatus(item: String, next: String) -> ProblemStatus? {
        let nextRange = NSRange(next.startIndex..., in: next)
        if let label = statusLabel.firstMatch(in: item, range: NSRange(item.startIndex..., in: item)).flatMap({ Range($0.range, in: item) }) {
            return statedStatus(in: String(item[label.upperBound...]))
        }
        if let open = item.lastIndex(where: { $0 == "（" || $0 == "(" }), item.hasSuffix("）") || item.hasSuffix(")"),
           let status = statedStatus(in: String(item[open...])) {
            return status
        }
        // `…问题。已整改到位。`: a status right after the problem, not a sentence that happens to end in one.
        if let problemEnd = item.range(of: "问题") {
            let rest = item[problemEnd.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: "。，；：,;: "))
            if rest.count <= 10, let status = statedStatus(in: rest) { return status }
        }
        if statusLabel.firstMatch(in: next, range: nextRange)?.range.location == 0 || next.count <= 30 {
            return statedStatus(in: next)
        }
        return nil
    }
}
