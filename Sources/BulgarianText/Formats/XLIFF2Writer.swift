/// Writes prepared segments as XLIFF 2.1: a `<unit>` per paragraph, a
/// `<segment>` per sentence, `<ignorable>` for the whitespace between them,
/// protected spans as `<mrk translate="no">`, glossary terms as
/// `<mrk type="term">` with a `gls:glossary` entry, placeholders as `<ph>`.
/// The output validates against the OASIS XLIFF 2.1 schemas (core + glossary module).
public struct XLIFF2Writer: Sendable {
    /// The source language (BCP 47).
    public var sourceLanguage = "bg"
    /// The target language, written as `trgLang` when set.
    public var targetLanguage: String?
    /// The document's name, written as the file's `original`.
    public var original: String

    /// A writer for a document called `original`.
    public init(original: String, targetLanguage: String? = nil) {
        self.original = original
        self.targetLanguage = targetLanguage
    }

    /// The document header, up to and including the first `<file>`.
    public func header() -> String {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        text += "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"\(XMLText.attribute(sourceLanguage))\""
        if let targetLanguage { text += " trgLang=\"\(XMLText.attribute(targetLanguage))\"" }
        text += "\n       xmlns:gls=\"urn:oasis:names:tc:xliff:glossary:2.0\">\n"
        return text + fileStart(number: 1, original: original)
    }

    /// The start of another `<file>` in the same document (after `fileEnd()`).
    public func fileStart(number: Int, original: String) -> String {
        "  <file id=\"f\(number)\" original=\"\(XMLText.attribute(original))\">\n"
    }

    /// The end of a `<file>`.
    public func fileEnd() -> String {
        "  </file>\n"
    }

    /// One paragraph's segments as a `<unit>`.
    public func unit(paragraph: Int, segments: [PreparedSegment]) -> String {
        let allProtected = segments.allSatisfy { !$0.translate }
        var text = "    <unit id=\"u\(paragraph)\"\(allProtected ? " translate=\"no\"" : "")>\n"
        var glossary = ""
        var body = ""
        for segment in segments {
            if !segment.gapBefore.isEmpty {
                body += "      <ignorable>\n        <source>"
                XMLText.escape(segment.gapBefore[...], into: &body, invalid: Self.codePoint)
                body += "</source>\n      </ignorable>\n"
            }
            body += "      <segment id=\"s\(segment.id)\">\n        <source>"
            let wrap = !segment.translate && !allProtected
            if wrap { body += "<mrk id=\"s\(segment.id)-no\" translate=\"no\">" }
            body += inline(segment, glossary: &glossary)
            if wrap { body += "</mrk>" }
            body += "</source>\n      </segment>\n"
        }
        if !glossary.isEmpty {
            text += "      <gls:glossary>\n" + glossary + "      </gls:glossary>\n"
        }
        return text + body + "    </unit>\n"
    }

    /// The end of the last `<file>` and of the document.
    public func footer() -> String {
        fileEnd() + "</xliff>\n"
    }

    /// The segment's text with its annotations as inline markup.
    private func inline(_ segment: PreparedSegment, glossary: inout String) -> String {
        let bytes = Array(segment.text.utf8)
        var output = ""
        var position = 0
        func slice(_ range: Range<Int>) -> String {
            text(String(decoding: bytes[range], as: UTF8.self))
        }
        for (index, annotation) in segment.annotations.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }).enumerated()
        where annotation.range.lowerBound >= position {
            output += slice(position..<annotation.range.lowerBound)
            let id = "s\(segment.id)-m\(index + 1)"
            switch annotation.kind {
            case .term(let source, let target):
                output += "<mrk id=\"\(id)\" type=\"term\" value=\"\(XMLText.attribute(target))\">" + slice(annotation.range) + "</mrk>"
                glossary += "        <gls:glossEntry ref=\"#\(id)\">\n"
                glossary += "          <gls:term>\(text(source))</gls:term>\n"
                glossary += "          <gls:translation>\(text(target))</gls:translation>\n"
                glossary += "        </gls:glossEntry>\n"
            case .protected:
                output += "<mrk id=\"\(id)\" translate=\"no\">" + slice(annotation.range) + "</mrk>"
            case .placeholder(let number, let original, _):
                output += "<ph id=\"ph\(number)\" disp=\"\(XMLText.attribute(original))\" equiv=\"\(XMLText.attribute(original))\"/>"
            }
            position = annotation.range.upperBound
        }
        output += slice(position..<bytes.count)
        return output
    }

    private func text(_ plain: String) -> String {
        var escaped = ""
        XMLText.escape(plain[...], into: &escaped, invalid: Self.codePoint)
        return escaped
    }

    /// XLIFF 2's own element for a character XML cannot hold.
    private static func codePoint(_ scalar: Unicode.Scalar, _ output: inout String) {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        output += "<cp hex=\"" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "\"/>"
    }
}
