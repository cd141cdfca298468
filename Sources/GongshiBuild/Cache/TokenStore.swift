import GongshiContent
import Foundation
import GongshiCore
import GongshiOutput
import GongshiRender
#if canImport(Glibc)
import Glibc
#endif

/// Search tokens of each notice, by the digest of its source file, in a compact binary file: per notice a header (the
/// digest, the counts of Han tokens and words, the words' byte length), the packed Han tokens (8 bytes each) and the
/// words (2-byte length and UTF-8). Opening the file reads only the headers; a notice's record is read (pread) and
/// decoded when its tokens are asked for, so nothing of the file stays in memory (10,000 notices hold 45 MB of
/// tokens, 100,000 450 MB). A build appends the records of notices the file does not have yet; when the file holds
/// more than twice the records in use, it is written again with only those.
public struct TokenStore: Sendable {
    private let file: ReadOnlyFile?
    /// Where each notice's record is in the file.
    private let records: [UInt64: Range<Int>]
    /// Tokens that could not be written to the file (kept in memory instead).
    private let unwritten: [UInt64: SearchIndexBuilder.TokenSet]

    static let headerSize = 20

    public init() { file = nil; records = [:]; unwritten = [:] }

    init(file: ReadOnlyFile?, records: [UInt64: Range<Int>], unwritten: [UInt64: SearchIndexBuilder.TokenSet] = [:]) {
        self.file = file; self.records = records; self.unwritten = unwritten
    }

    /// The store of the file at `url`: empty when there is none or it is cut short.
    init(contentsOf url: URL) {
        guard let file = ReadOnlyFile(url), let records = Self.scan(file) else { self.init(); return }
        self.init(file: file, records: records)
    }

    /// Every record's place, read from the headers one after another; nil when the file does not end with a record.
    private static func scan(_ file: ReadOnlyFile) -> [UInt64: Range<Int>]? {
        var records: [UInt64: Range<Int>] = [:]
        var at = 0
        while at < file.size {
            guard let header = file.read(at..<(at + headerSize)) else { return nil }
            let (digest, length) = header.withUnsafeBytes { raw in
                (raw.loadUnaligned(as: UInt64.self),
                 headerSize + 8 * Int(raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
                     + Int(raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self)))
            }
            guard at + length <= file.size else { return nil }
            records[digest] = at..<(at + length)
            at += length
        }
        return records
    }

    var count: Int { records.count + unwritten.count }
    func contains(_ digest: UInt64) -> Bool { records[digest] != nil }
    /// Where the record of `digest` is in the file.
    func place(of digest: UInt64) -> Range<Int>? { records[digest] }

    /// The stored bytes of a notice's record, as `Writer.record` makes them.
    func record(for digest: UInt64) -> Data? {
        records[digest].flatMap { file?.read($0) }
    }

    public func tokens(for digest: UInt64) -> SearchIndexBuilder.TokenSet? {
        if let kept = unwritten[digest] { return kept }
        return record(for: digest).flatMap(Self.decode)
    }

    private static func decode(_ record: Data) -> SearchIndexBuilder.TokenSet? {
        record.withUnsafeBytes { raw -> SearchIndexBuilder.TokenSet? in
            var result = SearchIndexBuilder.TokenSet()
            let han = Int(raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
            let words = Int(raw.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
            var at = headerSize
            result.han = (0..<han).map { raw.loadUnaligned(fromByteOffset: at + 8 * $0, as: UInt64.self) }
            at += 8 * han
            for _ in 0..<words {
                guard at + 2 <= raw.count else { return nil }
                let length = Int(raw.loadUnaligned(fromByteOffset: at, as: UInt16.self))
                guard at + 2 + length <= raw.count else { return nil }
                result.words.append(String(decoding: UnsafeRawBufferPointer(rebasing: raw[(at + 2)..<(at + 2 + length)]), as: UTF8.self))
                at += 2 + length
            }
            return result
        }
    }

    /// A notice's tokens as one record of the file.
    static func record(_ tokens: SearchIndexBuilder.TokenSet, digest: UInt64) -> Data {
        let words = tokens.words.map { Array($0.utf8.prefix(Int(UInt16.max))) }
        let wordBytes = words.reduce(0) { $0 + 2 + $1.count }
        var record = Data(capacity: headerSize + tokens.han.count * 8 + wordBytes)
        withUnsafeBytes(of: digest) { record.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(tokens.han.count)) { record.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(words.count)) { record.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(wordBytes)) { record.append(contentsOf: $0) }
        tokens.han.withUnsafeBytes { record.append(contentsOf: $0) }
        for word in words {
            withUnsafeBytes(of: UInt16(word.count)) { record.append(contentsOf: $0) }
            record.append(contentsOf: word)
        }
        return record
    }
}

/// A file opened for reading at any offset from several threads at once (pread); closed with its last reference.
final class ReadOnlyFile: Sendable {
    private let descriptor: Int32
    let size: Int

    init?(_ url: URL) {
        let descriptor = open(url.path, O_RDONLY)
        var status = stat()
        guard descriptor >= 0 else { return nil }
        guard fstat(descriptor, &status) == 0 else { close(descriptor); return nil }
        self.descriptor = descriptor
        size = Int(status.st_size)
    }

    deinit { close(descriptor) }

    /// The bytes in `range`, nil when the file has fewer.
    func read(_ range: Range<Int>) -> Data? {
        guard range.upperBound <= size else { return nil }
        var data = Data(count: range.count)
        let read = data.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, range.count, off_t(range.lowerBound)) }
        return read == range.count ? data : nil
    }
}
