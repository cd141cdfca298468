import Foundation
import GongshiCore

/// How `notices-<n>.bin` holds the cache's notice entries: every field of each entry in a fixed order, integers as
/// LEB128 varints, strings as their UTF-8 length and bytes, optionals and lists behind a presence byte or a count.
/// Written and read field by field, not through Codable: an edit of one notice in 10,000 reads every entry, and
/// Codable's containers (a generic metadata lookup and an existential box for every nested value) made reading them
/// 0.2 s of the edit's 1.1 s. Edits of 10,000 notices, alternating: 1.19-1.37 s -> 1.03-1.22 s, user time about
/// 0.25 s less. A cache is only read by the program that wrote it (`BuildCache.program`), so the
/// order needs no version. `fields` lists what each type's form holds, in order; a test compares it with the types'
/// stored properties, so a property added to a model and not here fails it.
enum EntryCodec {
    static let fields: [String: [String]] = [
        "StoredEntry": ["summary", "loadDiagnostics", "checkKey", "checkDiagnostics", "links", "file", "detailOffset", "detailLength"],
        "NoticeSummary": ["sourcePath", "sourceDigest", "title", "org", "date", "slug", "column", "abstract", "progress", "draft",
                          "publishAt", "withdrawn", "corrected", "periodEnd", "openDues", "kind", "inspection", "announcement", "register"],
        "CalendarDate": ["year", "month", "day"],
        "Moment": ["date", "minute"],
        "RectificationProgress": ["total", "done", "partial", "ongoing", "notStarted"],
        "Withdrawal": ["date", "reason"],
        "OpenDue": ["number", "title", "due", "line"],
        "InspectionRef": ["id", "round", "group", "target", "feedback", "line", "feedbackLine"],
        "Announcement": ["groups", "lettersUntil"],
        "InspectionGroup": ["name", "targets", "phone", "email", "mailbox", "address", "postcode", "hours"],
        "RegisterFields": ["indexNumber", "documentNumber", "publisher", "writtenDate", "indexNumberLine"],
        "Diagnostic": ["file", "line", "column", "severity", "message", "hint"],
        "FileStamp": ["size", "modified", "changed", "inode"],
    ]

    static func encode(_ entries: [BuildCache.StoredEntry]) -> Data {
        var writer = EntryWriter()
        writer.list(entries) { $0.entry($1) }
        return Data(writer.bytes)
    }

    /// Throws when the bytes are not a whole part written by `encode`.
    static func decode(_ data: Data) throws -> [BuildCache.StoredEntry] {
        try data.withUnsafeBytes { raw in
            var reader = EntryReader(raw)
            let entries = try reader.list { try $0.entry() }
            guard reader.atEnd else { throw EntryReader.Broken() }
            return entries
        }
    }
}

/// Appends values in `EntryCodec`'s form.
struct EntryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func unsigned(_ value: UInt64) { LEB128.append(value, to: &bytes) }

    /// Zigzag, so small negative numbers stay short.
    mutating func int(_ value: Int) { unsigned(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))) }
    mutating func int64(_ value: Int64) { int(Int(value)) }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        unsigned(UInt64(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }

    mutating func optional<T>(_ value: T?, _ write: (inout EntryWriter, T) -> Void) {
        guard let value else { return bytes.append(0) }
        bytes.append(1)
        write(&self, value)
    }

    mutating func list<T>(_ values: [T], _ write: (inout EntryWriter, T) -> Void) {
        unsigned(UInt64(values.count))
        for value in values { write(&self, value) }
    }

    mutating func strings(_ values: [String]) { list(values) { $0.string($1) } }
    mutating func optionalString(_ value: String?) { optional(value) { $0.string($1) } }
    mutating func optionalDate(_ value: CalendarDate?) { optional(value) { $0.date($1) } }
    mutating func optionalInt(_ value: Int?) { optional(value) { $0.int($1) } }
}

/// Reads what `EntryWriter` appended; throws `Broken` on anything else.
struct EntryReader {
    struct Broken: Error {}
    private let raw: UnsafeRawBufferPointer
    private var at = 0

    init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }

    var atEnd: Bool { at == raw.count }

    mutating func byte() throws -> UInt8 {
        guard at < raw.count else { throw Broken() }
        defer { at += 1 }
        return raw[at]
    }

    mutating func unsigned() throws -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            let byte = try byte()
            guard shift < 64 else { throw Broken() }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws -> Int {
        let zigzag = try unsigned()
        return Int(Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
    }

    mutating func int64() throws -> Int64 { Int64(try int()) }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Broken()
        }
    }

    /// A count or length: a number no cut or altered file can make a crash of (one past `Int.max` is refused).
    mutating func count() throws -> Int {
        guard let count = Int(exactly: try unsigned()) else { throw Broken() }
        return count
    }

    mutating func string() throws -> String {
        let count = try count()
        guard count <= raw.count - at else { throw Broken() }
        defer { at += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: raw[at..<(at + count)]), as: UTF8.self)
    }

    mutating func optional<T>(_ read: (inout EntryReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func list<T>(_ read: (inout EntryReader) throws -> T) throws -> [T] {
        let count = try count()
        guard count <= raw.count - at else { throw Broken() } // every value takes at least one byte
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func strings() throws -> [String] { try list { try $0.string() } }
    mutating func optionalString() throws -> String? { try optional { try $0.string() } }
    mutating func optionalDate() throws -> CalendarDate? { try optional { try $0.date() } }
    mutating func optionalInt() throws -> Int? { try optional { try $0.int() } }

    mutating func date() throws -> CalendarDate {
        guard let date = CalendarDate(year: try int(), month: try int(), day: try int()) else { throw Broken() }
        return date
    }
}
