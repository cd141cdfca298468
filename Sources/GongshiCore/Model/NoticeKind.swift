/// What a notice is in an inspection's life: the announcement when the groups arrive, the feedback, the
/// rectification notices (progress and result) and the later 回头看.
public enum NoticeKind: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// 巡察公告: which groups inspect which units, their contacts and the last day letters are accepted.
    case announcement
    /// 反馈情况: what the group told the unit.
    case feedback
    /// 整改情况 / 整改进展: the default.
    case rectification
    /// 回头看: the check on the rectification afterwards.
    case followUp

    /// Every spelling accepted in front matter, English keyword first.
    public var accepted: [String] {
        switch self {
        case .announcement: return ["announcement", "巡察公告", "公告", "进驻公告"]
        case .feedback: return ["feedback", "反馈情况", "反馈", "巡察反馈"]
        case .rectification: return ["rectification", "整改情况", "整改进展", "整改", "整改进展情况", "整改落实情况"]
        case .followUp: return ["followup", "follow-up", "回头看", "整改回头看"]
        }
    }

    public init?(text: String) {
        let t = text.trimmingWhitespace()
        guard let match = Self.byText[t] ?? Self.byText[t.lowercased()] else { return nil }
        self = match
    }

    /// Each accepted spelling's value (every spelling is its own lower case and belongs to one value: tested).
    static let byText: [String: NoticeKind] = Dictionary(allCases.flatMap { value in value.accepted.map { ($0, value) } },
                                                     uniquingKeysWith: { first, _ in first })

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let kind = NoticeKind(text: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "通知类型“\(text)”无法识别，请写 announcement（巡察公告）、feedback（反馈情况）、rectification（整改情况）或 followUp（回头看）")
        }
        self = kind
    }

    /// The order an inspection's notices come in, for notices of the same day.
    public static func < (a: NoticeKind, b: NoticeKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
