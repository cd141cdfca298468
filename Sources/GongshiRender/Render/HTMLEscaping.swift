import Mustache

/// HTML escaping for `{{name}}`: the same five replacements as swift-mustache's own (`<` `>` `&` `"` `'`),
/// but scanning UTF-8 bytes and handing the text back untouched when nothing needs escaping, which is
/// nearly always. (The library's version walks every Character through a dictionary and builds a new
/// string each time: about a tenth of a whole build's CPU time.) Every page template is parsed with
/// `pragma` in front, the library's own hook for choosing how a template escapes.
struct HTMLEscaping: MustacheContentType {
    /// On a line of its own, so the parser drops the whole line (error lines are shifted back by one).
    static let pragma = "{{% CONTENT_TYPE: GONGSHI_HTML}}\n"

    /// Registers the content type once, before the first template is parsed.
    static let register: Void = MustacheContentTypes.register(HTMLEscaping(), named: "GONGSHI_HTML")

    func escapeText(_ text: String) -> String { HTMLText.escape(text) }
}

/// Escaping for text written into HTML: by the templates (through `HTMLEscaping`) and outside them (the SVG chart,
/// the preview server's error page).
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: Self.needsEscaping) else { return nil }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            escaped.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "<"): escaped.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): escaped.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "&"): escaped.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "\""): escaped.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): escaped.append(contentsOf: "&#39;".utf8)
                default: escaped.append(byte)
                }
            }
            return String(decoding: escaped, as: UTF8.self)
        } ?? text
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
