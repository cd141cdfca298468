/// The inspection (巡察) a notice answers.
import Foundation
public struct Inspection: Sendable, Hashable, Codable {
    /// Links notices about the same inspection whose round, group or target are written differently.
    public var id: String?
    /// 十届区委第二轮巡察
    public var round: String?
    /// 区委第二巡察组 (an announcement names its groups in `groups` instead).
    public var group: String?
    /// The inspected organization.
    public var target: String?
    public var start: CalendarDate?
    public var end: CalendarDate?
    /// The day the group gave its feedback.
    public var feedback: CalendarDate?

    public init(id: String? = nil, round: String? = nil, group: String?, target: String? = nil,
                start: CalendarDate? = nil, end: CalendarDate? = nil, feedback: CalendarDate? = nil) {
        self.id = id; self.round = round; self.group = group; self.target = target
        self.start = start; self.end = end; self.feedback = feedback
    }
}

/// One inspection group as an announcement (巡察公告) names it: the units it inspects and how to reach it.
public struct InspectionGroup: Sendable, Hashable, Codable {
    /// 区委第一巡察组
    public var name: String
    /// The units it inspects.
    public var targets: [String]
    /// 值班电话
    public var phone: [String]
    public var email: String?
    /// 邮政信箱, e.g. 示例区第201号邮政信箱
    public var mailbox: String?
    public var address: String?
    public var postcode: String?
    /// 受理时间, e.g. 工作日 8:30—17:30
    public var hours: String?

    public init(name: String, targets: [String], phone: [String] = [], email: String? = nil, mailbox: String? = nil,
                address: String? = nil, postcode: String? = nil, hours: String? = nil) {
        self.name = name; self.targets = targets; self.phone = phone; self.email = email; self.mailbox = mailbox
        self.address = address; self.postcode = postcode; self.hours = hours
    }

    enum CodingKeys: String, CodingKey { case name, targets, phone, email, mailbox, address, postcode, hours }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        targets = try c.decodeOneOrMany(.targets)
        phone = try c.decodeOneOrMany(.phone)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        mailbox = try c.decodeIfPresent(String.self, forKey: .mailbox)
        address = try c.decodeIfPresent(String.self, forKey: .address)
        postcode = try c.decodeIfPresent(String.self, forKey: .postcode)
        hours = try c.decodeIfPresent(String.self, forKey: .hours)
    }

    /// True when the group gives no way to reach it.
    public var hasNoChannel: Bool { phone.isEmpty && email == nil && mailbox == nil && address == nil }
}

extension KeyedDecodingContainer {
    /// A list of texts written as a list or as one text (`phone: 010-1234` or `phone: [010-1234, 010-5678]`).
    func decodeOneOrMany(_ key: Key) throws -> [String] {
        if let many = try? decodeIfPresent([String].self, forKey: key) { return many }
        return try decodeIfPresent(String.self, forKey: key).map { [$0] } ?? []
    }
}

/// One problem raised by the inspection group and how far its rectification has come.
public struct Problem: Sendable, Hashable, Codable {
    public var title: String
    /// The category / 方面 it belongs to.
    public var category: String?
    public var status: ProblemStatus
    /// Responsible department.
    public var owner: String?
    public var due: CalendarDate?

    public init(title: String, category: String? = nil, status: ProblemStatus, owner: String? = nil, due: CalendarDate? = nil) {
        self.title = title; self.category = category; self.status = status; self.owner = owner; self.due = due
    }

    /// 逾期: its time limit is over (the due day itself still counts) and it is not done.
    public func isOverdue(at now: Moment) -> Bool {
        guard let due, status.isOpen else { return false }
        return due.isOver(at: now)
    }
}

/// Counts as a notice reports them ("反馈的28个问题，已完成整改18项，其余10项已取得阶段性成效").
public struct ProgressStats: Sendable, Hashable, Codable {
    public var total: Int?
    public var done: Int?
    public var partial: Int?
    public var ongoing: Int?
    public var notStarted: Int?

    public init(total: Int? = nil, done: Int? = nil, partial: Int? = nil, ongoing: Int? = nil, notStarted: Int? = nil) {
        self.total = total; self.done = done; self.partial = partial; self.ongoing = ongoing; self.notStarted = notStarted
    }
}

/// Channels through which the public can give feedback (监督与反馈).
public struct Contact: Sendable, Hashable, Codable {
    public var phone: [String]
    public var email: String?
    public var address: String?
    public var postcode: String?
    /// What to write on the envelope.
    public var envelope: String?

    public init(phone: [String] = [], email: String? = nil, address: String? = nil, postcode: String? = nil, envelope: String? = nil) {
        self.phone = phone; self.email = email; self.address = address; self.postcode = postcode; self.envelope = envelope
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case phone, email, address, postcode, envelope }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        phone = try c.decodeOneOrMany(.phone)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        address = try c.decodeIfPresent(String.self, forKey: .address)
        postcode = try c.decodeIfPresent(String.self, forKey: .postcode)
        envelope = try c.decodeIfPresent(String.self, forKey: .envelope)
    }

    /// True when no channel at all is given.
    public var isEmpty: Bool { phone.isEmpty && email == nil && address == nil }
}

/// The closing signature: organization and date.
public struct Signature: Sendable, Hashable, Codable {
    public var org: String?
    public var date: CalendarDate?
    public init(org: String? = nil, date: CalendarDate? = nil) { self.org = org; self.date = date }
}

