/// Writes prepared segments as XLIFF 1.2 (strict): a `<trans-unit>` per
/// paragraph with the whole paragraph in `<source>` and one
/// `<mrk mtype="seg">` per sentence in `<seg-source>`; protected spans as
/// `<mrk mtype="protected">`, terms as `<mrk mtype="term">` with a `<note>`,
/// placeholders as `<x/>`. Validates against xliff-core-1.2-strict.xsd.
public struct XLIFF12Writer: Sendable {
    /// The source language.
    public var sourceLanguage = "bg"
    /// The target language (1.2 allows leaving it out).
    public var targetLanguage: String?
    /// The document's name.
    public var original: String

    /// A writer for a document called `original`.
    public init(original: String, targetLanguage: String? = nil) {
        self.original = original
        self.targetLanguage = targetLanguage
    }

    /// The document header, up to and including the first `<body>`.
    public func header() -> String {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        text += "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">\n"
        return text + fileStart(original: original)
    }

    /// The start of another `<file>` in the same document (after `fileEnd()`).
    public func fileStart(original: String) -> String {
        var text = "  <file original=\"\(XMLText.attribute(original))\" source-language=\"\(XMLText.attribute(sourceLanguage))\""
        if let targetLanguage { text += " target-language=\"\(XMLText.attribute(targetLanguage))\"" }
        return text + " datatype=\"plaintext\">\n    <body>\n"
    }

    /// The end of a `<file>`.
    public func fileEnd() -> String {
        "    </body>\n  </file>\n"
    }

    /// One paragraph as a `<trans-unit>`.
    public func unit(paragraph: Int, segments: [PreparedSegment]) -> String {
        let allProtected = segments.allSatisfy { !$0.translate }
        var notes: [String] = []
        var source = ""
        var segmented = ""
        for segment in segments {
            source += text(segment.gapBefore)
            segmented += text(segment.gapBefore)
            let inline = inline(segment, notes: &notes)
            source += inline.plain
            segmented += "<mrk mtype=\"seg\" mid=\"\(segment.id)\">"
            if !segment.translate && !allProtected { segmented += "<mrk mtype=\"protected\">" + inline.marked + "</mrk>" } else { segmented += inline.marked }
            segmented += "</mrk>"
        }
        var unit = "      <trans-unit id=\"u\(paragraph)\"\(allProtected ? " translate=\"no\"" : "")>\n"
        unit += "        <source>\(source)</source>\n"
        unit += "        <seg-source>\(segmented)</seg-source>\n"
        for note in notes { unit += "        <note from=\"bgtext\">\(text(note))</note>\n" }
        return unit + "      </trans-unit>\n"
    }

    /// The end of the last `<file>` and of the document.
    public func footer() -> String {
        fileEnd() + "</xliff>\n"
    }

    private func inline(_ segment: PreparedSegment, notes: inout [String]) -> (plain: String, marked: String) {
        let bytes = Array(segment.text.utf8)
        var plain = ""
        var marked = ""
        var position = 0
        func slice(_ range: Range<Int>) -> String { text(String(decoding: bytes[range], as: UTF8.self)) }
        for annotation in segment.annotations.sorted(by: { $0.range.lowerBound < $1.range.lowerBound })
        where annotation.range.lowerBound >= position {
            let before = slice(position..<annotation.range.lowerBound)
            plain += before
            marked += before
            switch annotation.kind {
            case .term(let source, let target):
                plain += slice(annotation.range)
                marked += "<mrk mtype=\"term\">" + slice(annotation.range) + "</mrk>"
                notes.append("\(source) = \(target)")
            case .protected:
                plain += slice(annotation.range)
                marked += "<mrk mtype=\"protected\">" + slice(annotation.range) + "</mrk>"
            case .placeholder(let number, _, _):
                let element = "<x id=\"\(number)\" ctype=\"x-bgtext-placeholder\"/>"
                plain += element
                marked += element
            }
            position = annotation.range.upperBound
        }
        let rest = slice(position..<bytes.count)
        return (plain + rest, marked + rest)
    }

    /// Character data; characters XML 1.0 cannot hold become U+FFFD (XLIFF 1.2 has no element for them).
    private func text(_ plain: String) -> String {
        var escaped = ""
        XMLText.escape(plain[...], into: &escaped) { _, output in output += "\u{FFFD}" }
        return escaped
    }
}
