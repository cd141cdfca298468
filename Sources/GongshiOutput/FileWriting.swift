import CAtomicSwap
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing output files without flushing each one to disk, and flushing them all at once before they are published.
///
/// `Data.write(to:)` calls `fsync` after every file on Linux: while a thread waits for its page to reach the disk, its
/// core can idle (10,000 notices: the page stages used 1.7 of 2 cores). The staging folder is instead flushed with
/// `syncfs`: in the background while the build goes on (`StagedOutput.flushInBackground`) and once more just before it
/// is swapped in (`StagedOutput.commit`), which waits for all of them: what is published is on disk as surely as
/// before. Clean builds of 10,000 notices, alternating: 24.17 / 21.73 / 21.19 s -> 19.73 / 17.90 / 18.55 s.
///
/// The cost: `syncfs` also waits for whatever else is waiting to be written on that file system. On a quiet machine an
/// edit's swap took 0.03-0.04 s (0.02-0.03 s before); while another program was deleting a large tree, 0.08-0.30 s. A
/// build that wrote only a few files could `fsync` just those instead (not done yet; see docs/benchmarks.md).
public enum FileWriting {
    /// Creates (or empties) the file at `path` and writes `data` to it; not flushed (see `flush(fileSystemOf:)`). New files
    /// get the permissions `Data.write` gave them (0666 less the umask).
    public static func write(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure(path)
                }
                offset += written
            }
        }
    }

    /// Waits until everything written to the file system holding `path` has reached the disk.
    public static func flush(fileSystemOf path: String) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        guard gongshi_sync_file_system(descriptor) == 0 else { throw failure(path) }
    }

    private static func failure(_ path: String) -> Error {
        let code = POSIXErrorCode(rawValue: errno) ?? .EIO
        return CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: POSIXError(code)])
    }
}
