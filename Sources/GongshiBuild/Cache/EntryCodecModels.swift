import Foundation
import GongshiCore

/// Each model type of a cache entry, field by field in the order `EntryCodec.fields` lists.
extension EntryWriter {
    mutating func entry(_ e: BuildCache.StoredEntry) {
        summary(e.summary)
        list(e.loadDiagnostics) { $0.diagnostic($1) }
        unsigned(e.checkKey)
        list(e.checkDiagnostics) { $0.diagnostic($1) }
        strings(e.links)
        optional(e.file) { $0.int64($1.size); $0.int64($1.modified); $0.int64($1.changed); $0.unsigned($1.inode) }
        int(e.detailOffset)
        int(e.detailLength)
    }

    mutating func summary(_ s: NoticeSummary) {
        string(s.sourcePath); unsigned(s.sourceDigest); string(s.title); string(s.org); date(s.date); string(s.slug)
        string(s.column); optionalString(s.abstract)
        optional(s.progress) { w, p in w.int(p.total); w.int(p.done); w.int(p.partial); w.int(p.ongoing); w.int(p.notStarted) }
        bool(s.draft); date(s.publishAt.date); int(s.publishAt.minute)
        optional(s.withdrawn) { $0.withdrawal($1) }
        optionalDate(s.corrected); optionalDate(s.periodEnd)
        list(s.openDues) { w, due in w.int(due.number); w.string(due.title); w.date(due.due); w.int(due.line) }
        string(s.kind.rawValue)
        optional(s.inspection) { w, i in
            w.optionalString(i.id); w.optionalString(i.round); w.optionalString(i.group); w.optionalString(i.target)
            w.optionalDate(i.feedback); w.int(i.line); w.optionalInt(i.feedbackLine)
        }
        optional(s.announcement) { w, a in
            w.list(a.groups) { $0.group($1) }
            w.optionalDate(a.lettersUntil)
        }
        optional(s.register) { w, r in
            w.optionalString(r.indexNumber); w.optionalString(r.documentNumber); w.optionalString(r.publisher)
            w.optionalDate(r.writtenDate); w.optionalInt(r.indexNumberLine)
        }
    }

    mutating func date(_ d: CalendarDate) { int(d.year); int(d.month); int(d.day) }
    mutating func withdrawal(_ w: Withdrawal) { date(w.date); string(w.reason) }

    mutating func diagnostic(_ d: Diagnostic) {
        string(d.file); int(d.line); int(d.column); string(d.severity.rawValue); string(d.message); optionalString(d.hint)
    }
}

extension EntryReader {
    mutating func entry() throws -> BuildCache.StoredEntry {
        BuildCache.StoredEntry(
            summary: try summary(), loadDiagnostics: try list { try $0.diagnostic() }, checkKey: try unsigned(),
            checkDiagnostics: try list { try $0.diagnostic() }, links: try strings(),
            file: try optional { FileStamp(size: try $0.int64(), modified: try $0.int64(), changed: try $0.int64(), inode: try $0.unsigned()) },
            detailOffset: try int(), detailLength: try int())
    }

    mutating func summary() throws -> NoticeSummary {
        var s = NoticeSummary(sourcePath: try string(), sourceDigest: try unsigned(), title: try string(), org: try string(),
                              date: try date(), slug: try string(), column: try string(), abstract: try optionalString(),
                              progress: try optional { r in
                                  RectificationProgress(total: try r.int(), done: try r.int(), partial: try r.int(), ongoing: try r.int(),
                                                        notStarted: try r.int())
                              })
        s.draft = try bool()
        s.publishAt = Moment(date: try date(), minute: try int())
        s.withdrawn = try optional { try $0.withdrawal() }
        s.corrected = try optionalDate()
        s.periodEnd = try optionalDate()
        s.openDues = try list { OpenDue(number: try $0.int(), title: try $0.string(), due: try $0.date(), line: try $0.int()) }
        guard let kind = NoticeKind(rawValue: try string()) else { throw Broken() }
        s.kind = kind
        s.inspection = try optional { r in
            InspectionRef(id: try r.optionalString(), round: try r.optionalString(), group: try r.optionalString(),
                          target: try r.optionalString(), feedback: try r.optionalDate(), line: try r.int(),
                          feedbackLine: try r.optionalInt())
        }
        s.announcement = try optional { r in
            Announcement(groups: try r.list { try $0.group() }, lettersUntil: try r.optionalDate())
        }
        s.register = try optional { r in
            RegisterFields(indexNumber: try r.optionalString(), documentNumber: try r.optionalString(), publisher: try r.optionalString(),
                           writtenDate: try r.optionalDate(), indexNumberLine: try r.optionalInt())
        }
        return s
    }

    mutating func withdrawal() throws -> Withdrawal { Withdrawal(date: try date(), reason: try string()) }

    mutating func diagnostic() throws -> Diagnostic {
        let file = try string(), line = try int(), column = try int()
        guard let severity = Diagnostic.Severity(rawValue: try string()) else { throw Broken() }
        return Diagnostic(file: file, line: line, column: column, severity: severity, message: try string(), hint: try optionalString())
    }
}
