extension Segmenter {
    /// The segmenter's effective rules as an SRX 2.0 document (Segmentation
    /// Rules eXchange), for CAT tools such as OmegaT, Okapi, memoQ and Trados,
    /// so that they segment the way bgtext does.
    ///
    /// The rules use the Java/ICU regular expression syntax that SRX tools
    /// share: no-break exceptions first (abbreviations by kind, initials, item
    /// numbers, `?`/`!` before a small letter), then the break rules (`.`, `!`,
    /// `?`, `…` with closing quotes, before a capital, an opening quote or a
    /// dialogue dash; line breaks). SRX cannot express everything the native
    /// rules do (URLs and e-mail addresses are protected because a break
    /// always needs whitespace), so CAT tools come close to `bgtext segment`,
    /// not always identical.
    public func exportSRX() -> String {
        let spellings = options.abbreviations.spellings
        func alternation(_ kinds: Set<AbbreviationTable.Kind>) -> String? {
            let forms = spellings.filter { kinds.contains($0.kind) }.map { $0.form }
            guard !forms.isEmpty else { return nil }
            // Longest first, so that `т.е` is tried before `е`.
            return forms.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
                .map { Self.regexEscaped(String($0.dropLast())) }.joined(separator: "|")
        }
        let wordStart = #"(?<![\p{L}\p{N}\-])"#
        let closers = #"["'”“»’)\]]*"#
        let sentenceStart = #"(?:^|\n|[.!?…:]"# + closers + #"\s+)[ \t]*"#
        var rules: [(breaks: Bool, comment: String, before: String, after: String)] = []
        if options.bulgarianRules {
            if let never = alternation([.neverEnd, .numbering]) {
                rules.append((false, "abbreviations that never end a sentence", wordStart + "(?:" + never + #")\."#, #"\s"#))
            }
            if let may = alternation([.mayEnd]) {
                rules.append((false, "abbreviations that end a sentence only before a capital", wordStart + "(?:" + may + #")\."#,
                              #"\s+(?=[^\s\p{Lu}])"#))
            }
            if let numbering = alternation([.numbering]) {
                rules.append((false, "legal numbering at the start of a sentence: Чл. 1. (1)",
                              sentenceStart + "(?:" + numbering + #")\.\s+\d{1,4}\."#, #"\s"#))
            }
            var initials: [String] = []
            if options.initials.cyrillic == .neverEnd { initials.append(#"\p{IsCyrillic}"#) }
            if options.initials.latin == .neverEnd { initials.append(#"\p{IsLatin}"#) }
            if !initials.isEmpty {
                rules.append((false, "initials: В. Путин", wordStart + "(?=\\p{Lu})(?:" + initials.joined(separator: "|") + #")\."#, #"\s"#))
            }
            if options.colonBreaks {
                let labels = Self.colonLabels.flatMap { [$0, $0.prefix(1).uppercased() + $0.dropFirst()] }
                    .map(Self.regexEscaped).joined(separator: "|")
                rules.append((false, "labels before a colon: Снимка: Иван Петров", wordStart + "(?:" + labels + "):", #"\s"#))
                rules.append((true, "a colon directly before a capital", ":", #"\s+(?=\p{Lu})"#))
            }
            rules.append((false, "item numbers at the start of a sentence: 1. Въведение", sentenceStart + #"\d{1,4}\."#, #"\s"#))
            rules.append((false, "? ! … before a small letter, also after a dash", "[?!…]" + closers,
                          #"\s+(?=(?:[\-–—]\s+)?\p{Ll})"#))
            rules.append((true, "dialogue: a dash after the end of a sentence", "[.!?…]" + closers, #"\s+(?=[\-–—]\s+\p{Lu})"#))
            rules.append((true, "the end of a sentence before a capital or an opening quote", "[.!?…]" + closers,
                          #"\s+(?=["„«(\[']*\p{Lu}|\d)"#))
            rules.append((true, "? ! before anything but a small letter", "[?!]" + closers, #"\s"#))
        } else {
            rules.append((true, "the end of a sentence (ICU's default)", "[.!?]" + closers, #"\s"#))
        }
        rules.append((true, options.softWrap ? "a blank line" : "a line break", options.softWrap ? #"\n[ \t\r]*\n"# : #"\n"#, ""))

        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- Sentence segmentation rules for Bulgarian, exported by bgtext \(BulgarianText.version) (bgtext segment, option export-srx). -->
            <srx xmlns="http://www.lisa.org/srx20" version="2.0">
              <header segmentsubflows="yes" cascade="no">
                <formathandle type="start" include="no"/>
                <formathandle type="end" include="yes"/>
                <formathandle type="isolated" include="no"/>
              </header>
              <body>
                <languagerules>
                  <languagerule languagerulename="Bulgarian (bgtext)">

            """
        for rule in rules {
            xml += "        <!-- \(rule.comment.replacing("--", with: "- -")) -->\n"
            xml += "        <rule break=\"\(rule.breaks ? "yes" : "no")\">\n"
            xml += "          <beforebreak>\(XMLText.attribute(rule.before))</beforebreak>\n"
            xml += "          <afterbreak>\(XMLText.attribute(rule.after))</afterbreak>\n"
            xml += "        </rule>\n"
        }
        xml += """
                  </languagerule>
                </languagerules>
                <maprules>
                  <languagemap languagepattern="[Bb][Gg].*" languagerulename="Bulgarian (bgtext)"/>
                </maprules>
              </body>
            </srx>

            """
        return xml
    }

    static func regexEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\^$.|?*+()[]{}-".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
