/// File line and column of each front-matter key, by dotted path: `title`, `inspection.start`, `problems[2].status`.
/// Kept as one string of `path:line:column` lines rather than a dictionary: a notice has dozens of keys and a
/// large site holds all of them until the checks are done (a dictionary of small strings took ~4.6 KB per notice).
/// The checks look up a handful of paths per notice.
import Foundation
public struct SourcePositions: Sendable, Hashable {
    private var entries = ""
    public init() {}

    /// Records where `path` stands; a later record of the same path wins. (A key holding a line break or U+001F is
    /// not recorded: messages about it point at the field above it.)
    public mutating func record(_ path: String, line: Int, column: Int) {
        guard !path.utf8.contains(where: { $0 == UInt8(ascii: "\n") || $0 == 0x1F }) else { return }
        entries += "\(path)\u{1F}\(line)\u{1F}\(column)\n"
    }

    public subscript(path: String) -> SourcePosition? {
        var found: SourcePosition?
        for entry in entries.utf8.split(separator: UInt8(ascii: "\n")) {
            let parts = entry.split(separator: 0x1F, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].elementsEqual(path.utf8),
                  let line = Int(Substring(parts[1])), let column = Int(Substring(parts[2])) else { continue }
            found = SourcePosition(line: line, column: column)
        }
        return found
    }
}

public struct SourcePosition: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
}
