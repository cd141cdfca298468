import Foundation

/// The site's 索引号 pattern, e.g. `{siteCode}/{year}-{seq:5}`: literal text with `{siteCode}` (site.yaml
/// footer.siteCode), `{year}` (the notice's year) and `{seq:N}` (a running number per year, N digits). Units write
/// their numbers differently, so the pattern is the site's; a number once written into a notice is never changed.
public struct IndexNumberPattern: Sendable, Hashable {
    enum Part: Sendable, Hashable { case text(String), siteCode, year, seq(width: Int) }
    let parts: [Part]
    public let siteCode: String

    /// Nil when the pattern has no `{seq}` (numbers could not differ) or an unknown `{…}`.
    public init?(_ pattern: String, siteCode: String?) {
        var parts: [Part] = [], rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
            guard let close = rest[open...].firstIndex(of: "}") else { return nil }
            let name = rest[rest.index(after: open)..<close]
            switch name {
            case "siteCode": parts.append(.siteCode)
            case "year": parts.append(.year)
            case "seq": parts.append(.seq(width: 1))
            default:
                guard name.hasPrefix("seq:"), let width = Int(name.dropFirst(4)), (1...12).contains(width) else { return nil }
                parts.append(.seq(width: width))
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        guard parts.contains(where: { if case .seq = $0 { return true }; return false }) else { return nil }
        self.parts = parts
        self.siteCode = siteCode ?? ""
    }

    public func format(year: Int, seq: Int) -> String {
        parts.map { part in
            switch part {
            case .text(let t): return t
            case .siteCode: return siteCode
            case .year: return String(year)
            case .seq(let width): return String(seq).leftPadded(to: width)
            }
        }.joined()
    }

    /// The year (when the pattern has one) and running number of `number`; nil when it does not follow the pattern.
    public func parse(_ number: String) -> (year: Int?, seq: Int)? {
        var rest = Substring(number.trimmingWhitespace()), year: Int?, seq: Int?
        for part in parts {
            switch part {
            case .text(let t):
                guard rest.hasPrefix(t) else { return nil }
                rest = rest.dropFirst(t.count)
            case .siteCode:
                guard rest.hasPrefix(siteCode) else { return nil }
                rest = rest.dropFirst(siteCode.count)
            case .year:
                let digits = rest.prefix(4)
                guard digits.count == 4, let y = Int(digits) else { return nil }
                year = y; rest = rest.dropFirst(4)
            case .seq(let width):
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                guard digits.count >= width, let n = Int(digits) else { return nil }
                seq = n; rest = rest.dropFirst(digits.count)
            }
        }
        guard rest.isEmpty, let seq else { return nil }
        return (year, seq)
    }

    /// The next free number for a notice of `year`, after every number already given (of that year when the pattern
    /// has a year).
    public func next(year: Int, existing: [String]) -> String {
        let hasYear = parts.contains(.year)
        let used = existing.compactMap(parse).filter { !hasYear || $0.year == year }.map(\.seq)
        return format(year: year, seq: (used.max() ?? 0) + 1)
    }
}
