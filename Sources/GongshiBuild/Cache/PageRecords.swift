import GongshiCore
import GongshiContent
import GongshiRender
import GongshiOutput
import Foundation

/// An output file as the last build left it.
public struct PageRecord: Sendable, Equatable {
    /// Digest of everything the page was made from.
    public var key: UInt64
    public var size: Int64
    /// Modification time in nanoseconds: a file changed by hand since is not reused.
    public var modified: Int64
}


extension PageRecord {
    /// The records of every output file in `pages.bin`: per file the key, size and modification time (8 bytes each),
    /// the path's length (4 bytes) and the path in UTF-8. Read on every build: a property list of 12,000 records
    /// took a tenth of a second to read and as long to write.
    static func encode(_ records: [String: PageRecord]) -> Data {
        var data = Data(capacity: records.count * 64)
        for (path, record) in records {
            withUnsafeBytes(of: record.key) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: record.size) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: record.modified) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: UInt32(path.utf8.count)) { data.append(contentsOf: $0) }
            data.append(contentsOf: path.utf8)
        }
        return data
    }

    /// nil when the bytes are not a whole pages.bin.
    static func decode(_ data: Data) -> [String: PageRecord]? {
        data.withUnsafeBytes { raw -> [String: PageRecord]? in
            var records: [String: PageRecord] = [:]
            var at = 0
            while at < raw.count {
                guard at + 28 <= raw.count else { return nil }
                let key = raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)
                let size = raw.loadUnaligned(fromByteOffset: at + 8, as: Int64.self)
                let modified = raw.loadUnaligned(fromByteOffset: at + 16, as: Int64.self)
                let length = Int(raw.loadUnaligned(fromByteOffset: at + 24, as: UInt32.self))
                guard at + 28 + length <= raw.count else { return nil }
                let path = String(decoding: UnsafeRawBufferPointer(rebasing: raw[(at + 28)..<(at + 28 + length)]), as: UTF8.self)
                records[path] = PageRecord(key: key, size: size, modified: modified)
                at += 28 + length
            }
            return records
        }
    }
}

