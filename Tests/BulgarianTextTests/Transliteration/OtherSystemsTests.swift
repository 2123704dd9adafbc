import Testing
import BulgarianText

@Suite("Other transliteration systems")
struct OtherSystemsTests {
    static let sample = "Щастливец Жеравна, България. ЮГ й ъ Цветан"

    @Test func bgn1952() throws {
        let transliterator = try Transliterator(system: .bgn1952)
        #expect(try transliterator.transliterate(Self.sample) == "Shtastlivets Zheravna, Bŭlgariya. YUG ĭ ŭ Tsvetan")
    }

    @Test func iso9LikeCyrillicLatin() throws {
        let transliterator = try Transliterator(system: .iso9)
        #expect(try transliterator.transliterate(Self.sample) == "Ŝastlivec Žeravna, Bʺlgariâ. ÛG j ʺ Cvetan")
    }

    @Test func systemsByName() {
        #expect(Transliterator.System(name: "streamlined") == .streamlined)
        #expect(Transliterator.System(name: "bgn-1952") == .bgn1952)
        #expect(Transliterator.System(name: "iso9") == .iso9)
        #expect(Transliterator.System(name: "klingon") == nil)
    }

    @Test func userRuleFile() throws {
        let transliterator = try Transliterator(icuRules: "щ → sht ;\nъ → ă ;\n")
        #expect(try transliterator.transliterate("щъ") == "shtă")
    }

    @Test func ruleSyntaxErrorsNameTheLine() {
        #expect {
            _ = try Transliterator(icuRules: "а → a ;\n\nб } } → b ;\n")
        } throws: { error in
            guard let error = error as? TransformRuleError else { return false }
            return error.line == 3 && error.column == 1 && error.icuError.name == "U_MULTIPLE_POST_CONTEXTS"
                && error.description == "line 3, column 1: U_MULTIPLE_POST_CONTEXTS in `б } } → b ;`"
        }
    }

    @Test func theGeneratedRulesAreExported() throws {
        let rules = try #require(try Transliterator().icuRules)
        #expect(rules.contains("$nonword { българия } $nonword → bulgaria ;"))
        #expect(rules.contains("щ [\\u0301\\u0300]* → sht ;"))
        // The exported rules compile and give the native result.
        let fromRules = try Transliterator(icuRules: rules)
        #expect(try fromRules.transliterate("ЩАСТЛИВА СОФИЯ") == "SHTASTLIVA SOFIA")
    }
}
