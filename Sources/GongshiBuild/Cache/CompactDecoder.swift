import Foundation
import GongshiCore

/// Reads what `CompactEncoder` wrote. A keyed container looks for each key first where the last one ended (values are
/// read in the order they were written) and otherwise walks its keys, skipping values by their lengths. Anything that
/// does not read as expected throws: the cache holding it is then not used.
final class CompactDecoder: Decoder {
    let bytes: [UInt8]
    var at = 0
    /// How many single-value containers are open inside each other.
    var singleDepth = 0
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    init(_ data: Data) { bytes = [UInt8](data) }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let decoder = CompactDecoder(data)
        try decoder.skip()
        guard decoder.at == decoder.bytes.count else { throw broken() }
        decoder.at = 0
        return try decoder.value(type)
    }

    static func broken() -> DecodingError { .dataCorrupted(.init(codingPath: [], debugDescription: "compact cache data broken")) }

    func byte() throws -> UInt8 {
        guard at < bytes.count else { throw Self.broken() }
        defer { at += 1 }
        return bytes[at]
    }

    func word<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard at + size <= bytes.count else { throw Self.broken() }
        defer { at += size }
        return bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: T.self)) }
    }

    func expect(_ tag: CompactTag) throws {
        guard at < bytes.count, bytes[at] == tag.rawValue else { throw Self.broken() }
        at += 1
    }

    /// Moves past the value that starts here.
    func skip() throws {
        switch CompactTag(rawValue: try byte()) {
        case .null?, .no?, .yes?: break
        case .int?, .uint?, .double?: at += 8
        case .string?: at += Int(try word(UInt32.self))
        case .list?, .keyed?: at += Int(try word(UInt32.self))
        default: throw Self.broken()
        }
        guard at <= bytes.count else { throw Self.broken() }
    }

    func key() throws -> Range<Int> {
        let length = Int(try byte())
        guard at + length <= bytes.count else { throw Self.broken() }
        defer { at += length }
        return at..<(at + length)
    }

    func value<T: Decodable>(_ type: T.Type) throws -> T {
        if let value = try primitive(type) { return value }
        return try T(from: self)
    }

    /// A value of a type the form holds as itself (see `CompactEncoder.primitive`), nil for any other type.
    func primitive<T>(_ type: T.Type) throws -> T? {
        switch ObjectIdentifier(type) {
        case ObjectIdentifier(String.self): return unsafeBitCast(try string(), to: T.self)
        case ObjectIdentifier(Bool.self):
            let tag = try byte()
            guard tag == CompactTag.no.rawValue || tag == CompactTag.yes.rawValue else { throw Self.broken() }
            return unsafeBitCast(tag == CompactTag.yes.rawValue, to: T.self)
        case ObjectIdentifier(Double.self):
            try expect(.double)
            return unsafeBitCast(Double(bitPattern: try word(UInt64.self)), to: T.self)
        case ObjectIdentifier(CalendarDate.self):
            try expect(.int)
            let number = try word(Int64.self)
            guard let date = CalendarDate(year: Int(number / 10000), month: Int(number / 100 % 100), day: Int(number % 100)) else { throw Self.broken() }
            return unsafeBitCast(date, to: T.self)
        case ObjectIdentifier(Int.self): return unsafeBitCast(try integer(Int.self), to: T.self)
        case ObjectIdentifier(Int64.self): return unsafeBitCast(try integer(Int64.self), to: T.self)
        case ObjectIdentifier(UInt64.self): return unsafeBitCast(try integer(UInt64.self), to: T.self)
        case ObjectIdentifier(Int32.self): return unsafeBitCast(try integer(Int32.self), to: T.self)
        case ObjectIdentifier(UInt32.self): return unsafeBitCast(try integer(UInt32.self), to: T.self)
        case ObjectIdentifier(Int16.self): return unsafeBitCast(try integer(Int16.self), to: T.self)
        case ObjectIdentifier(UInt16.self): return unsafeBitCast(try integer(UInt16.self), to: T.self)
        case ObjectIdentifier(Int8.self): return unsafeBitCast(try integer(Int8.self), to: T.self)
        case ObjectIdentifier(UInt8.self): return unsafeBitCast(try integer(UInt8.self), to: T.self)
        case ObjectIdentifier(UInt.self): return unsafeBitCast(try integer(UInt.self), to: T.self)
        default: return nil
        }
    }

    func string() throws -> String {
        try expect(.string)
        let length = Int(try word(UInt32.self))
        guard at + length <= bytes.count else { throw Self.broken() }
        defer { at += length }
        return String(decoding: bytes[at..<(at + length)], as: UTF8.self)
    }

    func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        let value: I?
        if I.isSigned {
            try expect(.int)
            value = I(exactly: try word(Int64.self))
        } else {
            try expect(.uint)
            value = I(exactly: try word(UInt64.self))
        }
        guard let value else { throw Self.broken() }
        return value
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try expect(.keyed)
        let length = Int(try word(UInt32.self))
        guard at + length <= bytes.count else { throw Self.broken() }
        return KeyedDecodingContainer(Keyed<Key>(decoder: self, entries: at..<(at + length)))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        try expect(.list)
        let length = Int(try word(UInt32.self))
        guard at + length <= bytes.count else { throw Self.broken() }
        return Unkeyed(decoder: self, next: at)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { Single(decoder: self) }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: CompactDecoder
        /// The keys and values, up to and including the end tag.
        let entries: Range<Int>
        /// Where the entry after the last one read starts (the protocol's reads do not mutate the container).
        private final class Cursor { var next = 0 }
        private let cursor = Cursor()
        var codingPath: [CodingKey] { [] }

        init(decoder: CompactDecoder, entries: Range<Int>) {
            self.decoder = decoder; self.entries = entries; cursor.next = entries.lowerBound
            decoder.at = entries.upperBound
        }

        /// Where the value of `key` starts, nil when there is none: first at `next`, then anywhere.
        private func find(_ key: Key) throws -> Int? {
            let name = key.stringValue
            func matches(at start: Int) throws -> Int? {
                decoder.at = start
                guard decoder.bytes[start] != CompactTag.end.rawValue else { return nil }
                return decoder.bytes[try decoder.key()].elementsEqual(name.utf8) ? decoder.at : nil
            }
            if cursor.next < entries.upperBound, let found = try matches(at: cursor.next) { return found }
            var start = entries.lowerBound
            while start < entries.upperBound, decoder.bytes[start] != CompactTag.end.rawValue {
                if let found = try matches(at: start) { return found }
                try decoder.skip()
                start = decoder.at
            }
            return nil
        }

        private func read<T>(_ key: Key, _ body: () throws -> T) throws -> T {
            guard let start = try find(key) else {
                throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "compact cache: no \(key.stringValue)"))
            }
            return try read(at: start, body)
        }

        private func read<T>(at start: Int, _ body: () throws -> T) throws -> T {
            decoder.at = start
            let value = try body()
            decoder.at = start
            try decoder.skip()
            cursor.next = decoder.at
            decoder.at = entries.upperBound
            return value
        }

        /// Nil when the key is missing or holds nil; the key is looked for once (the protocol's default asks three times).
        private func present<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
            guard let start = try find(key) else { decoder.at = entries.upperBound; return nil }
            guard decoder.bytes[start] != CompactTag.null.rawValue else {
                cursor.next = start + 1
                decoder.at = entries.upperBound
                return nil
            }
            return try read(at: start) { try decoder.value(type) }
        }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try present(type, key) }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(type, key) }
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(type, key) }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(type, key) }
        func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try present(type, key) }
        func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try present(type, key) }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try present(type, key) }

        var allKeys: [Key] {
            var keys: [Key] = []
            decoder.at = entries.lowerBound
            while decoder.at < entries.upperBound, decoder.bytes[decoder.at] != CompactTag.end.rawValue,
                  let range = try? decoder.key(), (try? decoder.skip()) != nil {
                if let key = Key(stringValue: String(decoding: decoder.bytes[range], as: UTF8.self)) { keys.append(key) }
            }
            decoder.at = entries.upperBound
            return keys
        }

        func contains(_ key: Key) -> Bool {
            defer { decoder.at = entries.upperBound }
            return (try? find(key)) != nil
        }

        /// (Moves on only past a nil: `decodeIfPresent` asks this before it decodes the value.)
        func decodeNil(forKey key: Key) throws -> Bool {
            defer { decoder.at = entries.upperBound }
            guard let start = try find(key), decoder.bytes[start] == CompactTag.null.rawValue else { return false }
            cursor.next = start + 1
            return true
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try read(key) { try decoder.value(type) }
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            throw CompactDecoder.broken()
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer { throw CompactDecoder.broken() }
        func superDecoder() throws -> Decoder { throw CompactDecoder.broken() }
        func superDecoder(forKey key: Key) throws -> Decoder { throw CompactDecoder.broken() }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let decoder: CompactDecoder
        var next: Int
        var codingPath: [CodingKey] { [] }
        var count: Int? { nil }
        var currentIndex = 0
        var isAtEnd: Bool { next >= decoder.bytes.count || decoder.bytes[next] == CompactTag.end.rawValue }

        init(decoder: CompactDecoder, next: Int) { self.decoder = decoder; self.next = next }

        /// Moves past the element just read.
        private mutating func advance() throws {
            decoder.at = next
            try decoder.skip()
            next = decoder.at
            currentIndex += 1
            if isAtEnd { decoder.at = next + 1 }
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, decoder.bytes[next] == CompactTag.null.rawValue else { return false }
            try advance()
            return true
        }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            guard !isAtEnd else { throw CompactDecoder.broken() }
            decoder.at = next
            let value = try decoder.value(type)
            try advance()
            return value
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            throw CompactDecoder.broken()
        }
        mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer { throw CompactDecoder.broken() }
        mutating func superDecoder() throws -> Decoder { throw CompactDecoder.broken() }
    }

    struct Single: SingleValueDecodingContainer {
        let decoder: CompactDecoder
        var codingPath: [CodingKey] { [] }
        func decodeNil() -> Bool { decoder.at < decoder.bytes.count && decoder.bytes[decoder.at] == CompactTag.null.rawValue }
        /// A value standing for another (see `CompactEncoder.Single`); refused after a few turns.
        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            guard decoder.singleDepth < 16 else { throw CompactDecoder.broken() }
            decoder.singleDepth += 1
            defer { decoder.singleDepth -= 1 }
            return try decoder.value(type)
        }
    }
}
