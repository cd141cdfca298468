import Foundation

/// A minute on Beijing time (UTC+8, the time every notice's dates are written in): the reference time of a build
/// and the publication time of a notice.
public struct Moment: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let date: CalendarDate
    /// Minutes since midnight, 0..<1440.
    public let minute: Int

    public init(date: CalendarDate, minute: Int = 0) {
        self.date = date
        self.minute = min(max(minute, 0), 1439)
    }

    /// Beijing time is eight hours ahead of UTC all year (China has no daylight saving time).
    public static let beijingOffset = 8 * 3600

    /// The minute that holds `seconds` since 1970-01-01 00:00 UTC.
    public init(secondsSince1970 seconds: Int64) {
        let local = seconds + Int64(Moment.beijingOffset)
        let days = Int(local >= 0 ? local / 86400 : (local - 86399) / 86400)
        self.init(date: CalendarDate(daysSince1970: days), minute: Int((local - Int64(days) * 86400) / 60))
    }

    /// The build's reference time: `--now` when given, else the reproducible-builds variable SOURCE_DATE_EPOCH,
    /// else the clock. Throws a Chinese message for a `--now` or SOURCE_DATE_EPOCH that cannot be read.
    public static func reference(now text: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                                 clock: () -> Date = Date.init) throws -> Moment {
        if let text {
            guard let moment = Moment(text) else { throw ReferenceTimeError.badNow(text) }
            return moment
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int64(epoch.trimmingWhitespace()) else { throw ReferenceTimeError.badEpoch(epoch) }
            return Moment(secondsSince1970: seconds)
        }
        return Moment(secondsSince1970: Int64(clock().timeIntervalSince1970.rounded(.down)))
    }

    /// The reference time when none is asked for: SOURCE_DATE_EPOCH when set (and readable), else the clock.
    public static func current() -> Moment {
        (try? reference(now: nil)) ?? Moment(secondsSince1970: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }

    /// `2026-12-01`, `2026-12-01 09:30` or `2026-12-01T09:30` (seconds allowed and ignored).
    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
        guard (1...2).contains(parts.count), let date = CalendarDate(parts[0]) else { return nil }
        guard parts.count == 2 else { self.init(date: date); return }
        guard let minute = Moment.minute(of: parts[1]) else { return nil }
        self.init(date: date, minute: minute)
    }

    /// Minutes since midnight of `09:30` or `09:30:00`; nil for anything else.
    public static func minute(of clock: String) -> Int? {
        let fields = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count), fields.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let h = Int(fields[0]), let m = Int(fields[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        if fields.count == 3, let s = Int(fields[2]), !(0..<60).contains(s) { return nil }
        return h * 60 + m
    }

    /// `09:30`
    public var clock: String {
        let h = minute / 60, m = minute % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }

    /// `2026-12-01 09:30`
    public var description: String { "\(date) \(clock)" }

    public static func < (a: Moment, b: Moment) -> Bool { (a.date, a.minute) < (b.date, b.minute) }
}

public enum ReferenceTimeError: Error, CustomStringConvertible {
    case badNow(String)
    case badEpoch(String)

    public var description: String {
        switch self {
        case .badNow(let text): return "--now 的值“\(text)”不是日期：请写成 2026-11-23 或 2026-11-23 09:30（北京时间）"
        case .badEpoch(let text): return "环境变量 SOURCE_DATE_EPOCH 的值“\(text)”不是秒数：应为 1970 年以来的整秒数，例如 1795000000"
        }
    }
}

extension CalendarDate {
    /// Days since 1970-01-01 (negative before), by the proleptic Gregorian calendar.
    public var daysSince1970: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The day `days` after 1970-01-01.
    public init(daysSince1970 days: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self = CalendarDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d) ?? CalendarDate(year: 1970, month: 1, day: 1)!
    }

    /// The next day.
    public var next: CalendarDate { CalendarDate(daysSince1970: daysSince1970 + 1) }

    public func adding(days: Int) -> CalendarDate { CalendarDate(daysSince1970: daysSince1970 + days) }

    /// Days from this day to `later` (negative when `later` is earlier).
    public func days(until later: CalendarDate) -> Int { later.daysSince1970 - daysSince1970 }

    /// The first moment after this day: when a time limit or a period ending on it is over.
    public var over: Moment { Moment(date: next) }

    /// This day is over at `now` (a time limit falls overdue, a period has ended).
    public func isOver(at now: Moment) -> Bool { now >= over }
}
