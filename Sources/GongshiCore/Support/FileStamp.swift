import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says of a file: its size, modification and status-change times (to the nanosecond) and inode.
/// Writing a file, or replacing it by renaming another over it, changes at least one of them; the build cache
/// uses this, as git's index and rsync do, to skip reading files that were not touched since the last build.
public struct FileStamp: Codable, Sendable, Equatable {
    public var size: Int64
    public var modified: Int64
    public var changed: Int64
    public var inode: UInt64

    public init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size; self.modified = modified; self.changed = changed; self.inode = inode
    }

    /// Follows symbolic links unless told not to (a notice may be a link to a file elsewhere in the site).
    public static func of(_ path: String, followingLinks: Bool = true) -> FileStamp? {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        return FileStamp(size: Int64(info.st_size), modified: Self.nanoseconds(info.st_mtim), changed: Self.nanoseconds(info.st_ctim),
                         inode: UInt64(info.st_ino))
    }

    /// The wall clock, in the same units as the file times.
    public static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return nanoseconds(time)
    }

    static func nanoseconds(_ time: timespec) -> Int64 { Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec) }

    /// Whether this stamp, taken by a build that started at `buildStart`, can stand for the file's contents later.
    /// File times tick coarsely (a few milliseconds on Linux, seconds on some file systems), so a file written just
    /// before or during that build could be written again without any of its times changing; such a file is read
    /// again next time. Two seconds is wider than any tick ext4, XFS, NFS or FAT use.
    public func isSettled(before buildStart: Int64) -> Bool {
        max(modified, changed) < buildStart - 2_000_000_000
    }
}
