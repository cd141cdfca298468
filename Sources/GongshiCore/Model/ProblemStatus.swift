/// Where the rectification of one problem stands.
public enum ProblemStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// 已完成：整改到位
    case done
    /// 阶段性成效：取得阶段性成效，仍需继续整改
    case partial
    /// 持续推进：需长期整改、长期坚持
    case ongoing
    /// 未完成：尚未开始或尚未取得成效
    case notStarted

    /// Every spelling accepted in front matter, English keyword first.
    public var accepted: [String] {
        switch self {
        case .done: return ["done", "已完成", "完成", "已整改", "已整改到位", "已经整改到位", "整改到位"]
        case .partial: return ["partial", "阶段性成效", "取得阶段性成效", "已取得阶段性成效", "取得阶段性成效但需长期整改"]
        case .ongoing: return ["ongoing", "持续推进", "正在整改", "整改中", "需长期整改", "长期坚持", "长期整改"]
        case .notStarted: return ["notstarted", "not-started", "未完成", "未完成整改", "尚未完成", "未开始", "尚未开始", "未整改"]
        }
    }

    public init?(text: String) {
        let t = text.trimmingWhitespace()
        guard let match = Self.byText[t] ?? Self.byText[t.lowercased()] else { return nil }
        self = match
    }

    /// Each accepted spelling's value (every spelling is its own lower case and belongs to one value: tested).
    static let byText: [String: ProblemStatus] = Dictionary(allCases.flatMap { value in value.accepted.map { ($0, value) } },
                                                     uniquingKeysWith: { first, _ in first })

    /// Every status but done leaves work open: such a problem can be overdue.
    public var isOpen: Bool { self != .done }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let status = ProblemStatus(text: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "整改状态“\(text)”无法识别，请写 done（已完成）、partial（阶段性成效）、ongoing（持续推进）或 notStarted（未完成）")
        }
        self = status
    }
}

import Foundation
