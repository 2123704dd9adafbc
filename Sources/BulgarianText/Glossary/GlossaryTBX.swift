/// Reading and writing TermBase eXchange files: TBX v2 (`martif` /
/// `termEntry` / `langSet` / `tig` or `ntig`) and TBX v3 (`tbx` /
/// `conceptEntry` / `langSec` / `termSec`).
///
/// Each source-language term of a concept becomes an entry whose target is
/// the concept's first target-language term that is not deprecated,
/// superseded or forbidden. `administrativeStatus` (or
/// `normativeAuthorization`) marks source terms: deprecated, superseded and
/// forbidden ones are reported when they occur, never substituted. A
/// do-not-translate note (`note`, `descrip`, `admin` or `termNote` reading
/// "do not translate", "do-not-translate" or "DNT"; `termNote
/// type="translate"` or an ITS `translate="no"` attribute) on the concept,
/// language or term keeps the term as written. Concepts with no source term,
/// or with neither a usable target nor a do-not-translate note, are skipped.
public enum GlossaryTBX {
    private struct Term {
        var text = ""
        var status: GlossaryEntry.Status = .preferred
        var doNotTranslate = false
        var line = 0
    }

    private struct Concept {
        var terms: [(language: String, term: Term)] = []
        var doNotTranslate = false
    }

    /// Parses a TBX file. `source` names it in errors.
    ///
    /// - Throws: `TableError` naming the XML line and column of the first
    ///   error, including any DOCTYPE (refused: no external entities, no
    ///   entity expansion) and any undefined entity.
    public static func entries(parsing bytes: [UInt8], source: String, sourceLanguage: String = "bg",
                               targetLanguage: String? = nil) throws(TableError) -> [GlossaryEntry] {
        var reader = XMLReader(bytes: bytes, source: source)
        var entries: [GlossaryEntry] = []
        var concept: Concept?
        var language: String?
        var languageDoNotTranslate = false
        var languageTerms: [Term] = []
        var term: Term?
        var inTermText = false
        var noteType: String?
        var noteText = ""
        var inNote = false
        var rootChecked = false
        while let event = try reader.next() {
            switch event {
            case .start(let qualified, let attributes, let line):
                let name = localName(qualified)
                if !rootChecked {
                    rootChecked = true
                    guard name == "martif" || name == "tbx" else {
                        throw TableError(source: source, line: line, message: "column 1: the root element is <\(qualified)>, not a TBX <martif> (v2) or <tbx> (v3)")
                    }
                }
                switch name {
                case "termEntry", "conceptEntry":
                    concept = Concept()
                case "langSet", "langSec":
                    language = attributes["xml:lang"] ?? attributes["lang"] ?? ""
                    languageDoNotTranslate = false
                    languageTerms = []
                case "tig", "ntig", "termSec":
                    term = Term(line: line)
                case "term":
                    if term == nil { term = Term(line: line) }
                    term!.line = line
                    inTermText = true
                    if attributes["its:translate"] == "no" || attributes["translate"] == "no" { term!.doNotTranslate = true }
                case "termNote", "note", "descrip", "admin":
                    inNote = true
                    noteType = attributes["type"]
                    noteText = ""
                default:
                    break
                }
            case .text(let text):
                if inTermText { term?.text += text }
                if inNote { noteText += text }
            case .end(let qualified):
                switch localName(qualified) {
                case "term":
                    inTermText = false
                case "termNote", "note", "descrip", "admin":
                    inNote = false
                    let value = noteText.lowercased().trimmingSpaces
                    let type = noteType ?? ""
                    if type == "administrativeStatus" || type == "normativeAuthorization" {
                        term?.status = status(value)
                    } else if type == "translate" && (value == "no" || value == "false") {
                        mark(doNotTranslate: true, term: &term, language: language, languageFlag: &languageDoNotTranslate, concept: &concept)
                    } else if ["do not translate", "do-not-translate", "donottranslate", "dnt", "not to be translated"].contains(value) {
                        mark(doNotTranslate: true, term: &term, language: language, languageFlag: &languageDoNotTranslate, concept: &concept)
                    }
                case "tig", "ntig", "termSec":
                    if let current = term, !current.text.trimmingSpaces.isEmpty { languageTerms.append(current) }
                    term = nil
                case "langSet", "langSec":
                    if let current = term, !current.text.trimmingSpaces.isEmpty { languageTerms.append(current) }
                    term = nil
                    for var item in languageTerms {
                        if languageDoNotTranslate { item.doNotTranslate = true }
                        concept?.terms.append((language ?? "", item))
                    }
                    languageTerms = []
                    language = nil
                case "termEntry", "conceptEntry":
                    if let current = concept {
                        entries += conceptEntries(current, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
                    }
                    concept = nil
                default:
                    break
                }
            }
        }
        return entries
    }

    private static func mark(doNotTranslate: Bool, term: inout Term?, language: String?, languageFlag: inout Bool,
                             concept: inout Concept?) {
        if term != nil {
            term!.doNotTranslate = doNotTranslate
        } else if language != nil {
            languageFlag = doNotTranslate
        } else {
            concept?.doNotTranslate = doNotTranslate
        }
    }

    private static func status(_ value: String) -> GlossaryEntry.Status {
        if value.contains("forbidden") { return .forbidden }
        if value.contains("deprecated") || value.contains("superseded") || value.contains("obsolete") { return .deprecated }
        if value.contains("admitted") { return .admitted }
        return .preferred
    }

    private static func conceptEntries(_ concept: Concept, sourceLanguage: String,
                                       targetLanguage: String?) -> [GlossaryEntry] {
        let sources = concept.terms.filter { GlossaryCSV.matches($0.language, sourceLanguage) }
        guard !sources.isEmpty else { return [] }
        let targets = concept.terms.filter { item in
            if let targetLanguage { return GlossaryCSV.matches(item.language, targetLanguage) }
            return !GlossaryCSV.matches(item.language, sourceLanguage) && !item.language.isEmpty
        }
        let firstLanguage = targets.first?.language
        let usable = targets.first { $0.language == firstLanguage && !$0.term.status.isReportOnly }
        var result: [GlossaryEntry] = []
        for item in sources {
            var options = GlossaryEntry.Options()
            options.status = item.term.status
            options.doNotTranslate = concept.doNotTranslate || item.term.doNotTranslate
            let text = item.term.text.trimmingSpaces
            let target = usable?.term.text.trimmingSpaces ?? ""
            guard !target.isEmpty || options.doNotTranslate else { continue }
            result.append(GlossaryEntry(source: text, target: options.doNotTranslate ? text : target,
                                        options: options, line: item.term.line))
        }
        return result
    }

    private static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":"), !name.hasPrefix("xml:") else { return name }
        return String(name[name.index(after: colon)...])
    }

    // MARK: Writing

    /// A TBX v3 (TBX-Basic) document with one concept per entry; `forms`
    /// adds generated forms as further source terms.
    static func document(_ entries: [GlossaryEntry], forms: (GlossaryEntry) -> [String],
                         sourceLanguage: String, targetLanguage: String) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="\(XMLText.attribute(sourceLanguage))" xmlns="urn:iso:std:iso:30042:ed-2">
              <tbxHeader><fileDesc><sourceDesc><p>Written by bgtext</p></sourceDesc></fileDesc></tbxHeader>
              <text>
                <body>

            """
        for (index, entry) in entries.enumerated() {
            out += "      <conceptEntry id=\"c\(index + 1)\">\n"
            if entry.options.doNotTranslate { out += "        <note>do not translate</note>\n" }
            out += "        <langSec xml:lang=\"\(XMLText.attribute(sourceLanguage))\">\n"
            for (number, term) in ([entry.source] + forms(entry)).enumerated() {
                out += "          <termSec><term>\(XMLText.attribute(term))</term>"
                if entry.options.status != .preferred {
                    out += "<termNote type=\"administrativeStatus\">\(entry.options.status.rawValue)Term-admn-sts</termNote>"
                }
                if number > 0 { out += "<termNote type=\"termType\">variant</termNote>" }
                out += "</termSec>\n"
            }
            out += "        </langSec>\n"
            out += "        <langSec xml:lang=\"\(XMLText.attribute(targetLanguage))\">\n"
            out += "          <termSec><term>\(XMLText.attribute(entry.target))</term></termSec>\n"
            out += "        </langSec>\n"
            out += "      </conceptEntry>\n"
        }
        out += "    </body>\n  </text>\n</tbx>\n"
        return out
    }
}

extension String {
    /// The string without leading and trailing white space.
    var trimmingSpaces: String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }
}
