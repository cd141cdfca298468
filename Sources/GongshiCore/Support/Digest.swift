import Foundation

/// A 64-bit FNV-1a digest, the same on every run and machine: identifies a source file's bytes or a page's
/// inputs in the build cache. Not for security; a collision would only mean a stale page.
public struct Digest: Sendable, Hashable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var h = value
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        value = h
    }

    public mutating func add(_ data: Data) {
        data.withUnsafeBytes { add($0) }
    }

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        add(UInt64(text.utf8.count)) // so "ab"+"c" and "a"+"bc" differ
    }

    public mutating func add(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { add($0) }
    }

    public static func of(_ data: Data) -> UInt64 {
        var d = Digest()
        d.add(data)
        return d.value
    }

    public static func of(_ parts: String...) -> UInt64 {
        var d = Digest()
        for part in parts { d.add(part) }
        return d.value
    }
}
