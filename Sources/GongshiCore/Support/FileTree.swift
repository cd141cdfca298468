import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Folder listings with plain system calls (readdir), for the places that walk tens of thousands of entries:
/// Foundation's enumerator took most of a second for a 10,000-notice site.
public enum FileTree {
    public struct Entry: Sendable {
        public let path: String
        public let name: String
        public let isDirectory: Bool
        public let isSymbolicLink: Bool
    }

    /// The entries of one folder (not `.` and `..`), in no particular order; symbolic links are not followed.
    public static func children(of path: String) -> [Entry] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var found: [Entry] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let child = path + "/" + name
            var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
            var isSymbolicLink = entry.pointee.d_type == UInt8(DT_LNK)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                let found = lstat(child, &info) == 0
                isDirectory = found && (info.st_mode & S_IFMT) == S_IFDIR
                isSymbolicLink = found && (info.st_mode & S_IFMT) == S_IFLNK
            }
            found.append(Entry(path: child, name: name, isDirectory: isDirectory, isSymbolicLink: isSymbolicLink))
        }
        return found
    }

    /// Every entry under `path`, folders before their contents; symbolic links to folders are not entered.
    public static func entries(under path: String) -> [Entry] {
        var found: [Entry] = []
        var pending = [path]
        while let folder = pending.popLast() {
            for entry in children(of: folder) {
                found.append(entry)
                if entry.isDirectory { pending.append(entry.path) }
            }
        }
        return found
    }
}
