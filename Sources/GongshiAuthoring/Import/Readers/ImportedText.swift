import GongshiCore
import GongshiContent
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A text file from an office, decoded: UTF-8 (with or without BOM) or GB18030/GBK, which Chinese
/// Windows writes by default. Decoding GB18030 uses the C library's iconv.
public struct ImportedText: Sendable {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf8WithBOM = "UTF-8（带 BOM）"
        case gb18030 = "GB18030/GBK"
    }

    public let text: String
    public let encoding: Encoding

    public static func decode(_ data: Data) -> ImportedText? {
        if data.starts(with: [0xEF, 0xBB, 0xBF]), let text = String(data: data.dropFirst(3), encoding: .utf8) {
            return ImportedText(text: text, encoding: .utf8WithBOM)
        }
        if let text = String(data: data, encoding: .utf8) {
            return ImportedText(text: text, encoding: .utf8)
        }
        if let text = convert(data, from: "GB18030") {
            return ImportedText(text: text, encoding: .gb18030)
        }
        return nil
    }

    static func convert(_ data: Data, from encoding: String) -> String? {
        convertBytes(data, from: encoding, to: "UTF-8").map { String(decoding: $0, as: UTF8.self) }
    }

    /// `text` in GB18030, as Chinese Windows saves it (for tests and fixtures).
    public static func convertToGB18030(_ text: String) -> Data? {
        convertBytes(Data(text.utf8), from: "UTF-8", to: "GB18030")
    }

    static func convertBytes(_ data: Data, from encoding: String, to target: String) -> Data? {
        let cd = iconv_open(target, encoding)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = [UInt8](data)
        var output = [UInt8](repeating: 0, count: data.count * 2 + 16)
        var written = 0
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                let result = iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft)
                written = outBuffer.count - outLeft
                return result != -1 && inLeft == 0
            }
        }
        guard ok else { return nil }
        return Data(output.prefix(written))
    }
}
