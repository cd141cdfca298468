/// File line and column of each front-matter key, by dotted path: `title`, `inspection.start`, `problems[2].status`.
/// Kept as one run of `path:line:column` lines rather than a dictionary: a notice has dozens of keys and a
/// large site holds all of them until the checks are done (a dictionary of small strings took ~4.6 KB per notice).
/// The checks look up a handful of paths per notice.
import Foundation
public struct SourcePositions: Sendable, Hashable {
    /// `path` 0x1F `line` 0x1F `column` newline, one entry after another (UTF-8).
    private var entries: [UInt8] = []
    public init() {}

    /// Records where `path` stands; a later record of the same path wins. (A key holding a line break or U+001F is
    /// not recorded: messages about it point at the field above it.)
    public mutating func record(_ path: String, line: Int, column: Int) {
        record(Array(path.utf8), line: line, column: column)
    }

    /// The same for a path given as its UTF-8 bytes (the loader builds paths in one byte buffer as it walks the tree,
    /// instead of a new string for every key).
    public mutating func record(_ path: [UInt8], line: Int, column: Int) {
        guard !path.contains(where: { $0 == UInt8(ascii: "\n") || $0 == 0x1F }) else { return }
        entries.append(contentsOf: path)
        entries.append(0x1F)
        Self.appendDigits(of: line, to: &entries)
        entries.append(0x1F)
        Self.appendDigits(of: column, to: &entries)
        entries.append(UInt8(ascii: "\n"))
    }

    /// Writes a number's decimal digits (a negative number, which marks never give, as 0).
    public static func appendDigits(of number: Int, to bytes: inout [UInt8]) {
        let start = bytes.count
        var rest = max(0, number)
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        bytes[start...].reverse()
    }

    /// Scans the entries in place: a notice's checks look up over a hundred paths (every problem's due date, status
    /// and owner), and splitting the entries into arrays on each lookup was 3.8% of a build's instructions.
    public subscript(path: String) -> SourcePosition? {
        var key = path
        return entries.withUnsafeBufferPointer { bytes in key.withUTF8 { key in Self.find(key, in: bytes) } }
    }

    private static func find(_ key: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> SourcePosition? {
        var found: SourcePosition?
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let keyEnd = start + key.count
            if keyEnd < end, bytes[keyEnd] == 0x1F, key.indices.allSatisfy({ bytes[start + $0] == key[$0] }) {
                var numbers = (line: 0, column: 0, separators: 0)   // the entry was written by `record`: digits only
                for byte in bytes[(keyEnd + 1)..<end] {
                    if byte == 0x1F {
                        numbers.separators += 1
                    } else if numbers.separators == 0 {
                        numbers.line = numbers.line * 10 + Int(byte &- 48)
                    } else {
                        numbers.column = numbers.column * 10 + Int(byte &- 48)
                    }
                }
                if numbers.separators == 1 { found = SourcePosition(line: numbers.line, column: numbers.column) }
            }
            start = end + 1
        }
        return found
    }
}

public struct SourcePosition: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
}
