import Foundation
import GongshiCore

/// The recognizers for the fields of an imported notice, each from the lines (or text) of the notice.
extension NoticeImporter {
    /// The inspection, from the first paragraph that names an inspection group.
    static func inspection(in lines: [String], year: Int?) -> Inspection? {
        if let preamble = lines.first(where: { Self.group.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }),
           let groupName = Self.firstMatch(Self.group, in: preamble) {
            let dates = Self.dates(in: preamble, year: year)
            var i = Inspection(group: groupName.replacingOccurrences(of: "根据", with: ""))
            i.round = Self.firstMatch(Self.round, in: preamble)
            // "九届县委第二轮巡察第三巡察组": the round, then the group.
            if let round = i.round, let group = i.group, group.hasPrefix(round), group.count > round.count + 1 {
                i.group = String(group.dropFirst(round.count))
            }
            i.target = Self.firstMatch(Self.target, in: preamble)
            // "…至…" gives the period; a date followed by 反馈 is the feedback.
            if let range = preamble.range(of: "至"), let start = dates.last(where: { $0.1.upperBound <= range.lowerBound }),
               let end = dates.first(where: { $0.1.lowerBound >= range.upperBound }) {
                i.start = start.0
                i.end = end.0
            }
            if let feedback = dates.first(where: { d in
                let after = preamble[d.1.upperBound...].prefix(40)
                return after.contains("反馈") && d.0 != i.start && d.0 != i.end
            }) {
                i.feedback = feedback.0
            }
            return i
        }
        return nil

    }

    /// The counts as the notice states them, in their usual sentence shapes (`反馈问题28个`, `28个具体问题`,
    /// `已完成整改18个`, `18项已整改到位`, `其余10个取得阶段性成效`, `二十八个问题`).
    static func stats(in text: String) -> ProgressStats? {
        func count(_ patterns: [NSRegularExpression]) -> Int? {
            for pattern in patterns {
                for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    if let r = (1..<m.numberOfRanges).lazy.compactMap({ Range(m.range(at: $0), in: text) }).first, let n = number(String(text[r])) { return n }
                }
            }
            return nil
        }
        guard let total = count(totalCount) else { return nil }
        var s = ProgressStats(total: total)
        s.done = count(doneCount)
        s.partial = count(partialCount)
        s.ongoing = count(ongoingCount)
        if s.done == nil, text.range(of: "\\d+\\s*个[^。]{0,10}问题(?:已经?)?全部(?:完成整改|整改到位|整改完成)", options: .regularExpression) != nil {
            s.done = total
        }
        return s
    }

    static let totalCount = [regex("\(countWord)\\s*[个项条](?:具体)?问题"), regex("问题(?:共)?\\s*\(countWord)\\s*[个项条]"),
                             regex("(?:反馈|指出|交办)[^。；，]{0,6}?\(countWord)\\s*[个项条]")]
    static let doneCount = [regex("(?:已完成整改|已整改到位|已整改完成|完成整改|整改到位|已完成|已办结|已销号)(?:的)?\\s*\(countWord)\\s*[个项条]"),
                            regex("\(countWord)\\s*[个项条](?:问题)?已经?(?:完成整改|整改到位|整改完成|完成|办结|销号)")]
    static let partialCount = [regex("其余\\s*\(countWord)\\s*[项个条][^。]*?(?:阶段性成效|基本完成|部分完成)"),
                               regex("\(countWord)\\s*[个项条][^。；，]{0,8}?(?:取得阶段性成效|阶段性成效|基本完成|部分完成)"),
                               regex("(?:取得阶段性成效|基本完成|部分完成)(?:的)?\\s*\(countWord)\\s*[个项条]")]
    static let ongoingCount = [regex("\(countWord)\\s*[个项条][^。；，]{0,8}?(?:正在整改|持续整改|持续推进|需长期坚持|长期坚持|未完成)"),
                               regex("(?:正在整改|持续整改|持续推进|需长期坚持|长期坚持)(?:的)?\\s*\(countWord)\\s*[个项条]")]

    /// Feedback channels from the paragraph inviting supervision (or the whole text).
    static func contact(in lines: [String], text: String) -> Contact {
        let contactText = lines.last(where: { $0.contains("监督") || $0.contains("联系") || $0.contains("电话") }) ?? text
        var contact = Contact()
        let contactZone = lines.filter { $0.contains("电话") || $0.contains("联系") || $0.contains("邮箱") || $0.contains("地址") || $0.contains("信箱") || $0.contains("邮编") || $0.contains("邮政编码") || $0 == contactText }.joined(separator: "\n")
        contact.phone = Self.allMatches(Self.phone, in: contactZone, group: 1)
        contact.email = Self.firstMatch(Self.email, in: contactZone, group: 0)
        contact.address = Self.firstMatch(Self.address, in: contactZone)
        contact.postcode = Self.firstMatch(Self.postcode, in: contactZone)
        contact.envelope = Self.firstMatch(Self.envelope, in: text)

        return contact
    }

    /// Which fields were found and which the clerk must fill in.
    static func report(title: String?, org: String?, date: CalendarDate?, inspection: Inspection?, stats: ProgressStats?,
                       contact: Contact, signature: Signature?) -> (found: [String], missing: [String]) {
        var found: [String] = []
        var missing: [String] = []
        func note(_ name: String, _ present: Bool) { if present { found.append(name) } else { missing.append(name) } }
        note("title", title != nil)
        note("org", org != nil)
        note("date", date != nil)
        note("inspection.group", inspection != nil)
        if let i = inspection {
            note("inspection.start", i.start != nil)
            note("inspection.end", i.end != nil)
            note("inspection.feedback", i.feedback != nil)
        }
        note("stats", stats != nil)
        note("contact", !contact.isEmpty)
        note("signature", signature != nil)
        return (found, missing)
    }
}
