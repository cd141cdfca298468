import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the write stage knows about the tree it keeps beside the output (`.<name>.cache/previous`, the output the
/// last build replaced, which the next build works in): every path of the output, the paths where the kept tree
/// differs from the output (written anew by the last build, or new in it) and the paths only the kept tree has.
/// With it, a page the next build keeps costs nothing in the kept tree unless the ledger lists it, and the files
/// to delete are known without walking the tree. It is valid only for the output and the kept folder it names,
/// and it is deleted as soon as it is read, so a build interrupted while it changes the tree leaves none.
struct SpareLedger: Sendable {
    /// The output's identity (`OutputFolders.identity`) and the kept folder's inode (0: the kept tree is not described).
    var outputIdentity: String
    var spareInode: UInt64
    var outputPaths: [String]
    var differs: Set<String>
    var spareOnly: [String]

    static func url(_ folders: OutputFolders) -> URL { folders.cache.appendingPathComponent("spare-ledger.bin") }

    /// The ledger left for `folders`, if it describes the output as it is now; the file is removed either way.
    static func take(_ folders: OutputFolders) -> SpareLedger? {
        let url = url(folders)
        defer { unlink(url.path) }
        guard let data = try? Data(contentsOf: url) else { return nil }
        // Split over the raw bytes: Data's generic split cost 5,500 instructions a path (13,000 paths at 10,000 notices).
        let fields = data.withUnsafeBytes { bytes in
            bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        }
        guard fields.count >= 5, fields[0] == "gongshi-ledger-1", let inode = UInt64(fields[2]),
              case let counts = fields[3].split(separator: " ").compactMap({ Int($0) }), counts.count == 3,
              fields.count == 5 + counts.reduce(0, +), fields.last == "",
              fields[1] == OutputFolders.identity(folders.output) else { return nil }
        let paths = fields[4..<(4 + counts.reduce(0, +))]
        let outputEnd = paths.startIndex + counts[0], differsEnd = outputEnd + counts[1]
        return SpareLedger(outputIdentity: fields[1], spareInode: inode, outputPaths: Array(paths[..<outputEnd]),
                           differs: Set(paths[outputEnd..<differsEnd]), spareOnly: Array(paths[differsEnd...]))
    }

    /// True when the kept folder is the one this ledger describes.
    func describesSpare(_ folders: OutputFolders) -> Bool {
        spareInode != 0 && Self.inode(folders.spare.path) == spareInode
    }

    static func inode(_ path: String) -> UInt64 {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : 0
    }

    /// Writes the ledger (to a temporary name first: a ledger is whole or absent).
    func write(_ folders: OutputFolders) {
        var bytes: [UInt8] = [] // (appending to Data path by path cost twice as much)
        bytes.reserveCapacity(64 * (outputPaths.count + differs.count + spareOnly.count + 4))
        func add(_ text: String) { bytes.append(contentsOf: text.utf8); bytes.append(0) }
        add("gongshi-ledger-1")
        add(outputIdentity)
        add(String(spareInode))
        add("\(outputPaths.count) \(differs.count) \(spareOnly.count)")
        for path in outputPaths { add(path) }
        for path in differs.sorted() { add(path) }
        for path in spareOnly { add(path) }
        let url = Self.url(folders), temporary = url.path + ".tmp"
        if (try? Data(bytes).write(to: URL(fileURLWithPath: temporary))) != nil { rename(temporary, url.path) }
    }
}
