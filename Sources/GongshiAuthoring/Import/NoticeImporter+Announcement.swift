import Foundation
import GongshiCore

/// Recognizing a 巡察公告: its round and period, each group with the units it inspects and its channels, and the last
/// day letters are accepted.
extension NoticeImporter {
    /// What an announcement adds to the imported notice.
    public struct AnnouncementFields: Sendable, Hashable {
        public var inspection: Inspection?
        public var groups: [InspectionGroup]
        public var lettersUntil: CalendarDate?
    }

    /// A title with 巡察 and 公告 (or a text about groups arriving, 进驻) is an announcement.
    static func isAnnouncement(title: String?, text: String) -> Bool {
        guard let title else { return false }
        if title.contains("巡察") && title.contains("公告") { return true }
        return title.contains("公告") && text.contains("进驻")
    }

    static let groupStart = regex("^(?:[（(]?[一二三四五六七八九十\\d]+[）)、.．]\\s*)?([\\p{Han}]{0,10}?第[一二三四五六七八九十\\d]+巡察组)")
    static let mailbox = regex("邮政信箱[:：为]?\\s*([^，,。；;（(\\s]+?信箱|[^，,。；;（(\\s]+)")
    static let hours = regex("(?:受理|值班)时间[:：为]?\\s*([^，,。；;）)]+)|[（(]((?:工作日|每天|周一)[^）)]*)[）)]")
    static let groupTargets = regex("(?:进驻|巡察|负责|对)[:：]?\\s*([\\p{Han}“”（）()、，,\\s]+?)(?:开展|进行|[。；;]|值班|联系|电话|$)")

    /// The groups, each from the line that names it and the lines up to the next group.
    static func announcementGroups(in lines: [String]) -> [InspectionGroup] {
        var blocks: [(name: String, text: String)] = []
        for line in lines {
            if let name = firstMatch(groupStart, in: line), let range = line.range(of: name) {
                blocks.append((name, String(line[range.upperBound...])))
            } else if !blocks.isEmpty, !isHeading(line), line.count < 120, !line.contains("巡察期间") {
                blocks[blocks.count - 1].text += "\n" + line
            }
        }
        return blocks.map { block in
            let text = block.text
            let targets = (firstMatch(groupTargets, in: text.components(separatedBy: "\n")[0]) ?? "")
                .components(separatedBy: CharacterSet(charactersIn: "、，,")).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { $0.count >= 2 }
            let hoursMatch = hours.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            let hoursText = hoursMatch.flatMap { m in [1, 2].lazy.compactMap { Range(m.range(at: $0), in: text) }.first }.map { String(text[$0]) }
            let address = firstMatch(Self.address, in: text.replacingOccurrences(of: "邮政信箱", with: "信箱"))
            return InspectionGroup(name: block.name, targets: targets, phone: allMatches(phone, in: text),
                                   email: firstMatch(email, in: text, group: 0), mailbox: firstMatch(mailbox, in: text),
                                   address: address.flatMap { $0.hasSuffix("信箱") ? nil : $0 }, postcode: firstMatch(postcode, in: text),
                                   hours: hoursText?.trimmingCharacters(in: .whitespaces))
        }
    }

    /// The last date of the sentence that says until when letters are accepted (截止 / 截至 / 受理时间…至).
    static func lettersUntil(in text: String, year: Int?) -> CalendarDate? {
        let sentences = text.components(separatedBy: CharacterSet(charactersIn: "。\n"))
        guard let sentence = sentences.first(where: { s in
            (s.contains("受理") || s.contains("来信") || s.contains("来电")) && (s.contains("截止") || s.contains("截至") || s.contains("至"))
        }) else { return nil }
        return dates(in: sentence, year: year).last?.0
    }

    /// Round, period, groups and deadline of an announcement.
    static func announcement(lines: [String], title: String?, date: CalendarDate?) -> AnnouncementFields {
        let text = lines.joined(separator: "\n")
        let year = date?.year
        var inspection = Inspection(group: nil)
        inspection.round = firstMatch(round, in: (title ?? "") + "\n" + text)
        // The sentence that says when the groups arrive (进驻) or when the inspection runs.
        let arrival = lines.first { line in
            (line.contains("进驻") || (line.contains("巡察") && line.contains("开展"))) && !dates(in: line, year: year).isEmpty
        } ?? ""
        let arrivalDates = dates(in: arrival, year: year)
        if arrival.contains("至"), arrivalDates.count >= 2 {
            inspection.start = arrivalDates[0].0
            inspection.end = arrivalDates[1].0
        } else {
            inspection.start = arrivalDates.first?.0
        }
        let groups = announcementGroups(in: lines)
        return AnnouncementFields(inspection: inspection.round == nil && inspection.start == nil ? nil : inspection,
                                  groups: groups, lettersUntil: lettersUntil(in: text, year: year))
    }

    /// An announcement: its groups are its channels; it has no problems or progress.
    func announcementResult(lines: [String], source: String, title: String?, org: String?, date: CalendarDate?,
                            signature: Signature?) -> Result {
        let fields = Self.announcement(lines: lines, title: title, date: date)
        var body = Self.markdown(from: signature == nil ? lines : Array(lines.dropLast(2)))
        if signature != nil { body += "\n" + lines.suffix(2).joined(separator: "\n\n") + "\n" }
        var found: [String] = [], missing: [String] = []
        for (name, present) in [("title", title != nil), ("org", org != nil), ("date", date != nil),
                                ("inspection.round", fields.inspection?.round != nil), ("inspection.start", fields.inspection?.start != nil),
                                ("groups", !fields.groups.isEmpty), ("lettersUntil", fields.lettersUntil != nil), ("signature", signature != nil)] {
            if present { found.append(name) } else { missing.append(name) }
        }
        for group in fields.groups where group.targets.isEmpty || group.hasNoChannel {
            missing.append("groups（\(group.name)的\(group.targets.isEmpty ? "被巡察单位" : "联系方式")）")
        }
        return Result(title: title, org: org, date: date, inspection: fields.inspection, signature: signature, kind: .announcement,
                      groups: fields.groups, lettersUntil: fields.lettersUntil, body: body, found: found, missing: missing,
                      anonymizedDates: Self.allMatches(Self.anonymized, in: source, group: 0))
    }
}
