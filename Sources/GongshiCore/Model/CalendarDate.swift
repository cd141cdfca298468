/// A day in the calendar, written YYYY-MM-DD in front matter. No time zone, no time of day.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for anything that is not a real day (2025-02-30, 2025-13-01).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`: ten ASCII bytes, digits with a dash after the fourth and the sixth. Read
    /// byte by byte (a notice has a dozen dates; splitting into Characters cost about 15,000 instructions a date).
    public init?(_ text: String) {
        guard text.utf8.count == 10 else { return nil }
        var fields = (0, 0, 0), index = 0
        for byte in text.utf8 {
            switch index {
            case 4, 7: guard byte == UInt8(ascii: "-") else { return nil }
            default:
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                if index < 4 { fields.0 = fields.0 * 10 + digit } else if index < 7 { fields.1 = fields.1 * 10 + digit } else { fields.2 = fields.2 * 10 + digit }
            }
            index += 1
        }
        self.init(year: fields.0, month: fields.1, day: fields.2)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2025-07-28`
    public var description: String {
        // Ten ASCII digits and dashes written in place (the sitemap and feed ask for 10,000 of them); the padded
        // form below for years outside 0–9999.
        if (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) {
            return String(unsafeUninitializedCapacity: 10) { bytes in
                func put(_ value: Int, before end: Int, digits: Int) {
                    var rest = value
                    for i in (end - digits..<end).reversed() {
                        bytes[i] = UInt8(ascii: "0") + UInt8(rest % 10)
                        rest /= 10
                    }
                }
                put(year, before: 4, digits: 4)
                bytes[4] = UInt8(ascii: "-")
                put(month, before: 7, digits: 2)
                bytes[7] = UInt8(ascii: "-")
                put(day, before: 10, digits: 2)
                return 10
            }
        }
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `2025年7月28日`, as Chinese official documents write dates.
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        let text = raw.trimmingWhitespace()
        guard let date = CalendarDate(text) else {
            let looksLikeDate = text.split(separator: "-").count == 3
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: looksLikeDate
                    ? "日期“\(text)”不存在（请检查月份和日子）"
                    : "日期“\(text)”格式不对，应写成 YYYY-MM-DD，例如 2025-07-28")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

import Foundation
