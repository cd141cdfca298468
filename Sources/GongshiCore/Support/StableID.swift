import Foundation

/// Short ASCII names for Chinese group names (columns, organizations), the same on every build.
public enum StableID {
    /// 64-bit FNV-1a of the UTF-8 bytes (folder names depend on it: it must never change).
    public static func hash(_ text: String) -> UInt64 {
        var digest = Digest()
        var text = text
        text.withUTF8 { digest.add(UnsafeRawBufferPointer($0)) }
        return digest.value
    }

    /// Eight hex digits per name; on the (unlikely) collision the later name in sort order gets a suffix.
    public static func ids(for names: [String]) -> [String: String] {
        var taken = Set<String>()
        var result: [String: String] = [:]
        for name in names.sorted() {
            let base = String(String(hash(name), radix: 16).suffix(8)).leftPadded(to: 8)
            var id = base
            var n = 2
            while taken.contains(id) { id = "\(base)-\(n)"; n += 1 }
            taken.insert(id)
            result[name] = id
        }
        return result
    }

    /// Folder names of named groups (columns, organizations, rounds): the slug the site chooses where it is usable
    /// and not taken (by another slug or a hash), else the hash of `ids(for:)`. `check` reports the slugs not used.
    public static func ids(for names: [String], preferring slug: (String) -> String?) -> [String: String] {
        var result = ids(for: names)
        var taken = Set(result.values)
        for name in names.sorted() {
            guard let wanted = slug(name)?.nonEmpty, Slug.problem(with: wanted) == nil, !taken.contains(wanted) else { continue }
            taken.insert(wanted)
            result[name] = wanted
        }
        return result
    }
}
