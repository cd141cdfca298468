import Foundation

/// A notice's disclosure metadata (政府信息公开: 索引号, 发布机构, 成文日期, 文号, 主题分类, 公开方式, 公开范围) with the site's
/// defaults filled in where the notice gives none.
public struct DisclosureFields: Sendable, Hashable {
    public var indexNumber: String?
    public var documentNumber: String?
    public var publisher: String
    public var writtenDate: CalendarDate
    public var topic: String?
    public var mode: String
    public var scope: String

    public init(_ notice: Notice, defaults: DisclosureDefaults) {
        let f = notice.fields
        indexNumber = f.indexNumber?.nonEmpty
        documentNumber = f.documentNumber?.nonEmpty
        publisher = f.publisher?.nonEmpty ?? defaults.publisher?.nonEmpty ?? notice.org
        writtenDate = f.writtenDate ?? notice.signature.date ?? notice.date
        topic = f.topic?.nonEmpty ?? defaults.topic?.nonEmpty
        mode = f.disclosureMode?.nonEmpty ?? defaults.mode?.nonEmpty ?? "主动公开"
        scope = f.disclosureScope?.nonEmpty ?? defaults.scope?.nonEmpty ?? "面向社会"
    }
}

/// A notice's 索引号, 文号, 发布机构 and 成文日期 as written: what the disclosure catalogue and the 索引号 checks need.
public struct RegisterFields: Sendable, Hashable, Codable {
    public var indexNumber: String?
    public var documentNumber: String?
    public var publisher: String?
    public var writtenDate: CalendarDate?
    /// Line of the `indexNumber` key (messages point there).
    public var indexNumberLine: Int?

    public init(indexNumber: String?, documentNumber: String?, publisher: String?, writtenDate: CalendarDate?, indexNumberLine: Int? = nil) {
        self.indexNumber = indexNumber; self.documentNumber = documentNumber; self.publisher = publisher
        self.writtenDate = writtenDate; self.indexNumberLine = indexNumberLine
    }
}
