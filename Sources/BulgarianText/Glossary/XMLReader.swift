/// A small, safe XML reader for glossary files (TBX), without Foundation.
///
/// It reads elements, attributes, text, CDATA, comments and processing
/// instructions, and checks that tags nest. For safety it refuses any
/// document type declaration (`<!DOCTYPE`), so no external entity is ever
/// fetched and no entity can expand into a bomb; only the five predefined
/// entities and character references are understood. Errors name the line
/// and column. Memory is linear in the input; nesting is limited to 512 levels.
struct XMLReader {
    /// What the reader found.
    enum Event: Equatable {
        /// A start tag (and, for `<a/>`, an end event follows at once).
        case start(name: String, attributes: [String: String], line: Int)
        /// An end tag.
        case end(name: String)
        /// Character data (entities resolved, CDATA included).
        case text(String)
    }

    private let bytes: [UInt8]
    private let source: String
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var stack: [String] = []
    private var pendingEnd: String?
    private var sawRoot = false
    private static let maximumDepth = 512

    /// A reader over UTF-8 bytes; `source` names the file in errors.
    init(bytes: [UInt8], source: String) {
        self.bytes = bytes
        self.source = source
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
    }

    private func error(_ message: String, at position: Int? = nil) -> TableError {
        let at = position ?? index
        // The column counts characters, not bytes.
        var column = 1
        var cursor = lineStartOf(at)
        while cursor < at && cursor < bytes.count {
            if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
            cursor += 1
        }
        return TableError(source: source, line: lineOf(at), message: "column \(column): \(message)")
    }

    private func lineOf(_ position: Int) -> Int {
        if position >= lineStart { return line }
        var count = 1
        for byte in bytes[..<position] where byte == 0x0A { count += 1 }
        return count
    }

    private func lineStartOf(_ position: Int) -> Int {
        var cursor = min(position, bytes.count)
        while cursor > 0 && bytes[cursor - 1] != 0x0A { cursor -= 1 }
        return cursor
    }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where index < bytes.count {
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
    }

    private func starts(with text: String) -> Bool {
        var cursor = index
        for byte in text.utf8 {
            guard cursor < bytes.count, bytes[cursor] == byte else { return false }
            cursor += 1
        }
        return true
    }

    /// The next event, or nil at the end of a well-formed document.
    mutating func next() throws(TableError) -> Event? {
        if let name = pendingEnd {
            pendingEnd = nil
            _ = stack.popLast()
            return .end(name: name)
        }
        while index < bytes.count {
            if bytes[index] != UInt8(ascii: "<") {
                let start = index
                let text = try readText()
                if stack.isEmpty {
                    guard text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else {
                        throw error("text outside the root element", at: start)
                    }
                    continue
                }
                return .text(text)
            }
            if starts(with: "<!--") {
                let start = index
                advance(4)
                while index < bytes.count && !starts(with: "-->") { advance() }
                guard index < bytes.count else { throw error("a comment is never closed", at: start) }
                advance(3)
                continue
            }
            if starts(with: "<![CDATA[") {
                let start = index
                guard !stack.isEmpty else { throw error("CDATA outside the root element", at: start) }
                advance(9)
                let contentStart = index
                while index < bytes.count && !starts(with: "]]>") { advance() }
                guard index < bytes.count else { throw error("a CDATA section is never closed", at: start) }
                let text = String(decoding: bytes[contentStart..<index], as: UTF8.self)
                advance(3)
                return .text(text)
            }
            if starts(with: "<!") {
                if starts(with: "<!DOCTYPE") || starts(with: "<!doctype") {
                    throw error("DOCTYPE declarations are refused (no external entities, no entity expansion)")
                }
                throw error("unexpected markup declaration")
            }
            if starts(with: "<?") {
                let start = index
                advance(2)
                while index < bytes.count && !starts(with: "?>") { advance() }
                guard index < bytes.count else { throw error("a processing instruction is never closed", at: start) }
                advance(2)
                continue
            }
            if starts(with: "</") {
                let start = index
                advance(2)
                let name = try readName()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { throw error("expected '>' to end </\(name)") }
                advance()
                guard let open = stack.popLast() else { throw error("end tag </\(name)> without a start tag", at: start) }
                guard open == name else { throw error("end tag </\(name)> does not match <\(open)>", at: start) }
                return .end(name: name)
            }
            return try readStartTag()
        }
        if let open = stack.last { throw error("the document ends inside <\(open)>") }
        guard sawRoot else { throw error("the document has no root element") }
        return nil
    }

    private mutating func readStartTag() throws(TableError) -> Event {
        let start = index
        let startLine = line
        advance()
        if stack.isEmpty && sawRoot { throw error("a second root element", at: start) }
        let name = try readName()
        var attributes: [String: String] = [:]
        while true {
            skipSpace()
            guard index < bytes.count else { throw error("the tag <\(name) is never closed", at: start) }
            if bytes[index] == UInt8(ascii: ">") {
                advance()
                break
            }
            if starts(with: "/>") {
                advance(2)
                pendingEnd = name
                break
            }
            let attributeStart = index
            let attribute = try readName()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { throw error("expected '=' after \(attribute)") }
            advance()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                throw error("expected a quoted value for \(attribute)")
            }
            let quote = bytes[index]
            advance()
            let value = try readText(until: quote)
            guard index < bytes.count else { throw error("the value of \(attribute) is never closed", at: attributeStart) }
            advance()
            guard attributes.updateValue(value, forKey: attribute) == nil else {
                throw error("attribute \(attribute) is given twice", at: attributeStart)
            }
        }
        guard stack.count < Self.maximumDepth else { throw error("elements nest deeper than \(Self.maximumDepth) levels", at: start) }
        stack.append(name)
        sawRoot = true
        return .start(name: name, attributes: attributes, line: startLine)
    }

    private mutating func readName() throws(TableError) -> String {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            let isNameByte = byte >= 0x80 || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") && index > start)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
                || ((byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")) && index > start)
            guard isNameByte else { break }
            advance()
        }
        guard index > start else {
            if index >= bytes.count { throw error("the document ends inside a tag") }
            throw error("expected a name, found '\(String(decoding: [bytes[index]], as: UTF8.self))'")
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
            advance()
        }
    }

    /// Text up to `<` (or the quote of an attribute value), entities resolved.
    private mutating func readText(until quote: UInt8? = nil) throws(TableError) -> String {
        var result: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if let quote, byte == quote { break }
            if quote == nil && byte == UInt8(ascii: "<") { break }
            if quote != nil && byte == UInt8(ascii: "<") { throw error("'<' inside an attribute value") }
            if byte == UInt8(ascii: "&") {
                result.append(contentsOf: try readReference())
                continue
            }
            if byte == 0x0D {
                // Line ends are normalised to LF.
                advance()
                if index < bytes.count && bytes[index] == 0x0A { continue }
                result.append(0x0A)
                continue
            }
            result.append(byte)
            advance()
        }
        return String(decoding: result, as: UTF8.self)
    }

    private mutating func readReference() throws(TableError) -> [UInt8] {
        let start = index
        advance()
        let nameStart = index
        while index < bytes.count && bytes[index] != UInt8(ascii: ";") && index - nameStart < 32 {
            let byte = bytes[index]
            guard byte > 0x20, byte != UInt8(ascii: "<"), byte != UInt8(ascii: "&") else { break }
            advance()
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ";") else {
            throw error("'&' must start an entity such as &amp;", at: start)
        }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        advance()
        switch name {
        case "amp": return [UInt8(ascii: "&")]
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        default:
            var digits = Substring(name)
            var radix = 10
            guard digits.hasPrefix("#") else {
                throw error("undefined entity &\(name); (only &amp; &lt; &gt; &quot; &apos; and character references)", at: start)
            }
            digits = digits.dropFirst()
            if digits.hasPrefix("x") { digits = digits.dropFirst(); radix = 16 }
            guard let value = UInt32(digits, radix: radix), let scalar = Unicode.Scalar(value),
                  value == 0x09 || value == 0x0A || value == 0x0D || value >= 0x20 else {
                throw error("&\(name); is not a valid character", at: start)
            }
            return Array(String(scalar).utf8)
        }
    }
}
