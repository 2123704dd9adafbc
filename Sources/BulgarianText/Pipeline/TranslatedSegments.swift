/// Translations of prepared segments, read back from the formats `prep`
/// writes: JSON Lines (each object with a `target`, or else its `text`),
/// XLIFF 2.1 (`<target>` of each `<segment>`), XLIFF 1.2 (`<mrk mtype="seg">`
/// inside each `<target>`), or plain text (one line per segment, in order;
/// blank lines between paragraphs are skipped).
public struct TranslatedSegments: Sendable {
    /// The formats `bgtext restore` reads.
    public enum Format: String, Sendable, CaseIterable {
        case jsonl, xliff, text
    }

    /// Translations by segment id (JSON Lines, XLIFF).
    public private(set) var byID: [Int: String] = [:]
    /// Translations in segment order (text).
    public private(set) var inOrder: [String] = []
    /// Segment ids that appeared more than once (the last one wins).
    public private(set) var duplicates: [Int] = []
    /// Whether translations are matched by position (text) rather than by id.
    public let isPositional: Bool

    /// The format of `bytes` judged from their first character.
    public static func detectFormat(_ bytes: [UInt8]) -> Format {
        let first = bytes.drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.first
        switch first {
        case UInt8(ascii: "<"): return .xliff
        case UInt8(ascii: "{"): return .jsonl
        default: return .text
        }
    }

    /// Reads translations. `source` names the file in errors.
    ///
    /// - Throws: `TableError` naming the line of malformed JSON or XML.
    public init(parsing bytes: [UInt8], format: Format, source: String) throws(TableError) {
        isPositional = format == .text
        switch format {
        case .jsonl: try readJSONL(bytes, source: source)
        case .xliff: try readXLIFF(bytes, source: source)
        case .text:
            inOrder = String(decoding: bytes, as: UTF8.self)
                .lines.map(String.init)
                .filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
        }
    }

    private mutating func record(_ id: Int, _ text: String) {
        if byID.updateValue(text, forKey: id) != nil { duplicates.append(id) }
    }

    private mutating func readJSONL(_ bytes: [UInt8], source: String) throws(TableError) {
        var number = 0
        for line in String(decoding: bytes, as: UTF8.self).lines {
            number += 1
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
            let object: JSONValue
            do {
                object = try JSONValue.parse(String(line))
            } catch {
                throw TableError(source: source, line: number, message: "\(error)")
            }
            guard let id = object["id"]?.intValue else {
                throw TableError(source: source, line: number, message: "the object has no integer \"id\"")
            }
            guard let text = object["target"]?.stringValue ?? object["text"]?.stringValue else {
                throw TableError(source: source, line: number, message: "segment \(id) has neither \"target\" nor \"text\"")
            }
            record(id, text)
        }
    }

    /// XLIFF 2.1: `<segment id="sN"><target>…</target>`; XLIFF 1.2:
    /// `<target>…<mrk mtype="seg" mid="N">…</mrk>…</target>`. Inline
    /// placeholders (`<ph id="phK"/>`, `<x id="K"/>`) become `⟦K⟧`; other
    /// inline markup keeps its text.
    private mutating func readXLIFF(_ bytes: [UInt8], source: String) throws(TableError) {
        var reader = XMLReader(bytes: bytes, source: source)
        var segmentID: Int?
        var inTarget = false
        var current: Int?
        var text = ""
        /// For each open `<mrk>` inside a target: whether it is a 1.2 segment marker.
        var markers: [Bool] = []
        while let event = try reader.next() {
            switch event {
            case .start(let name, let attributes, _):
                switch name {
                case "segment":
                    segmentID = attributes["id"].flatMap { Int($0.drop { !$0.isNumber }) }
                case "target":
                    inTarget = true
                    if let segmentID { current = segmentID; text = "" }
                case "mrk" where inTarget:
                    let isSegment = attributes["mtype"] == "seg" && segmentID == nil
                    markers.append(isSegment)
                    if isSegment {
                        current = attributes["mid"].flatMap { Int($0) }
                        text = ""
                    }
                case "ph" where current != nil, "x" where current != nil:
                    if let id = attributes["id"], let number = Int(id.drop { !$0.isNumber }) {
                        text += "⟦\(number)⟧"
                    }
                case "cp" where current != nil:
                    if let hex = attributes["hex"], let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                        text.unicodeScalars.append(scalar)
                    }
                default:
                    break
                }
            case .text(let content):
                if inTarget && current != nil { text += content }
            case .end(let name):
                switch name {
                case "mrk" where inTarget:
                    if markers.popLast() == true, let id = current {
                        record(id, text)
                        current = nil
                    }
                case "target":
                    if let segmentID, let id = current, id == segmentID { record(id, text) }
                    inTarget = false
                    current = nil
                    markers.removeAll()
                case "segment":
                    segmentID = nil
                default:
                    break
                }
            }
        }
    }
}
