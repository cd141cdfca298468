import Foundation
import GongshiCore

/// How `details-<n>.bin` holds a notice's front matter (`NoticeFields`): every field in a fixed order, in
/// `EntryCodec`'s form (LEB128 integers, strings as length and UTF-8, a presence byte before an optional, a count
/// before a list). Written once for every notice a build decodes and read back once for every page, so it is done
/// field by field rather than through Codable, whose containers cost a generic metadata lookup and an existential box
/// for every nested value. Like the entries, the form is only read by the program that wrote it (`BuildCache.program`).
/// `fields` lists what each type's form holds, in order; a test compares it with the types' stored properties, so a
/// property added to a model and not here fails it.
enum DetailCodec {
    static let fields: [String: [String]] = [
        "NoticeFields": ["title", "org", "date", "slug", "column", "summary", "documentNumber", "indexNumber", "publisher",
                         "writtenDate", "topic", "disclosureMode", "disclosureScope", "inspection", "problems", "stats", "contact",
                         "signature", "draft", "time", "review", "period", "withdrawn", "corrections", "kind", "groups", "lettersUntil"],
        "Inspection": ["id", "round", "group", "target", "start", "end", "feedback"],
        "Problem": ["title", "category", "status", "owner", "due"],
        "ProgressStats": ["total", "done", "partial", "ongoing", "notStarted"],
        "Contact": ["phone", "email", "address", "postcode", "envelope"],
        "Signature": ["org", "date"],
        "TimeOfDay": ["minute"],
        "Review": ["drafter", "reviewer", "approver", "approved"],
        "DisclosurePeriod": ["start", "end"],
        "Withdrawal": ["date", "reason"],
        "Correction": ["date", "note"],
        "InspectionGroup": ["name", "targets", "phone", "email", "mailbox", "address", "postcode", "hours"],
    ]

    static func encode(_ fields: NoticeFields) -> Data {
        var writer = EntryWriter()
        writer.noticeFields(fields)
        return Data(writer.bytes)
    }

    /// Throws when the bytes are not one notice's fields as `encode` wrote them.
    static func decode(_ data: Data) throws -> NoticeFields {
        try data.withUnsafeBytes { raw in
            var reader = EntryReader(raw)
            let fields = try reader.noticeFields()
            guard reader.atEnd else { throw EntryReader.Broken() }
            return fields
        }
    }
}

extension EntryWriter {
    mutating func noticeFields(_ f: NoticeFields) {
        string(f.title); string(f.org); date(f.date); optionalString(f.slug); optionalString(f.column); optionalString(f.summary)
        optionalString(f.documentNumber); optionalString(f.indexNumber); optionalString(f.publisher); optionalDate(f.writtenDate)
        optionalString(f.topic); optionalString(f.disclosureMode); optionalString(f.disclosureScope)
        optional(f.inspection) { w, i in
            w.optionalString(i.id); w.optionalString(i.round); w.optionalString(i.group); w.optionalString(i.target)
            w.optionalDate(i.start); w.optionalDate(i.end); w.optionalDate(i.feedback)
        }
        list(f.problems) { w, p in
            w.string(p.title); w.optionalString(p.category); w.string(p.status.rawValue); w.optionalString(p.owner); w.optionalDate(p.due)
        }
        optional(f.stats) { w, s in
            w.optionalInt(s.total); w.optionalInt(s.done); w.optionalInt(s.partial); w.optionalInt(s.ongoing); w.optionalInt(s.notStarted)
        }
        optional(f.contact) { w, c in
            w.strings(c.phone); w.optionalString(c.email); w.optionalString(c.address); w.optionalString(c.postcode)
            w.optionalString(c.envelope)
        }
        optional(f.signature) { w, s in w.optionalString(s.org); w.optionalDate(s.date) }
        bool(f.draft)
        optional(f.time) { $0.int($1.minute) }
        optional(f.review) { w, r in
            w.optionalString(r.drafter); w.optionalString(r.reviewer); w.optionalString(r.approver); w.optionalDate(r.approved)
        }
        optional(f.period) { w, p in w.date(p.start); w.date(p.end) }
        optional(f.withdrawn) { $0.withdrawal($1) }
        list(f.corrections) { w, c in w.date(c.date); w.string(c.note) }
        string(f.kind.rawValue)
        list(f.groups) { $0.group($1) }
        optionalDate(f.lettersUntil)
    }

    mutating func group(_ g: InspectionGroup) {
        string(g.name); strings(g.targets); strings(g.phone); optionalString(g.email); optionalString(g.mailbox)
        optionalString(g.address); optionalString(g.postcode); optionalString(g.hours)
    }
}

extension EntryReader {
    mutating func noticeFields() throws -> NoticeFields {
        var f = NoticeFields(title: try string(), org: try string(), date: try date(), slug: try optionalString(),
                             column: try optionalString(), summary: try optionalString())
        f.documentNumber = try optionalString(); f.indexNumber = try optionalString(); f.publisher = try optionalString()
        f.writtenDate = try optionalDate()
        f.topic = try optionalString(); f.disclosureMode = try optionalString(); f.disclosureScope = try optionalString()
        f.inspection = try optional { r in
            Inspection(id: try r.optionalString(), round: try r.optionalString(), group: try r.optionalString(),
                       target: try r.optionalString(), start: try r.optionalDate(), end: try r.optionalDate(),
                       feedback: try r.optionalDate())
        }
        f.problems = try list { r in
            let title = try r.string(), category = try r.optionalString()
            guard let status = ProblemStatus(rawValue: try r.string()) else { throw Broken() }
            return Problem(title: title, category: category, status: status, owner: try r.optionalString(), due: try r.optionalDate())
        }
        f.stats = try optional { r in
            ProgressStats(total: try r.optionalInt(), done: try r.optionalInt(), partial: try r.optionalInt(),
                          ongoing: try r.optionalInt(), notStarted: try r.optionalInt())
        }
        f.contact = try optional { r in
            Contact(phone: try r.strings(), email: try r.optionalString(), address: try r.optionalString(),
                    postcode: try r.optionalString(), envelope: try r.optionalString())
        }
        f.signature = try optional { Signature(org: try $0.optionalString(), date: try $0.optionalDate()) }
        f.draft = try bool()
        f.time = try optional { TimeOfDay(minute: try $0.int()) }
        f.review = try optional { r in
            Review(drafter: try r.optionalString(), reviewer: try r.optionalString(), approver: try r.optionalString(),
                   approved: try r.optionalDate())
        }
        f.period = try optional { DisclosurePeriod(start: try $0.date(), end: try $0.date()) }
        f.withdrawn = try optional { try $0.withdrawal() }
        f.corrections = try list { Correction(date: try $0.date(), note: try $0.string()) }
        guard let kind = NoticeKind(rawValue: try string()) else { throw Broken() }
        f.kind = kind
        f.groups = try list { try $0.group() }
        f.lettersUntil = try optionalDate()
        return f
    }

    mutating func group() throws -> InspectionGroup {
        InspectionGroup(name: try string(), targets: try strings(), phone: try strings(), email: try optionalString(),
                        mailbox: try optionalString(), address: try optionalString(), postcode: try optionalString(),
                        hours: try optionalString())
    }
}
