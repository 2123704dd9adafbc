import Testing
@testable import BulgarianText

/// Bulgarian, Russian and Latin-script sentences written for these tests.
enum OwnText {
    static let bulgarian = "Вчера в Пловдив започна фестивалът на старите занаяти. Майсторите показаха как се тъче черга, как се прави грънчарски съд и как се кове подкова. Децата ѝ се радваха най-много на ковача."
    static let russian = "Вчера в Новосибирске открылась выставка старых ремёсел. Мастера показали, как ткут ковёр и как делают глиняную посуду; дети были в восторге."
    static let latin = "Le café de la gare est fermé. Die Straße wird im Frühjahr erneuert. Señora Núñez llegó ayer; Reuters and CNBC reported it."
}

/// Text that was UTF-8, decoded in `page` and saved as UTF-8 again.
func mojibake(_ text: String, as page: SingleByteCodePage) -> String {
    String(String.UnicodeScalarView(Array(text.utf8).map { Unicode.Scalar(page.scalars[Int($0)])! }))
}

/// Windows-1251 bytes of `text` read in `page`.
func mojibake1251(_ text: String, as page: SingleByteCodePage) -> String {
    let bytes = TextDecoder.encode(text, as: .windows1251)!
    return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar(page.scalars[Int($0)])! }))
}

@Suite("Normalization: mojibake repair")
struct MojibakeTests {
    let options = NormalizationOptions(fixMojibake: true)

    @Test func theIssuesExamples() throws {
        #expect(try normalized("Р‘СЉР»РіР°СЂРёСЏ", options) == "България")
        #expect(try normalized("Ð‘ÑŠÐ»Ð³Ð°Ñ€Ð¸Ñ\u{8F}", options) == "България")
        #expect(try normalized("Áúëãàðèÿ", options) == "България")
    }

    @Test(arguments: ["windows-1251", "western", "latin-1", "koi8-r", "cp866"])
    func utf8ReadInACodePage(page name: String) throws {
        let page: SingleByteCodePage = switch name {
        case "windows-1251": .windows1251Lenient
        case "western": .western
        case "latin-1": .fromICU("ISO-8859-1", name: "latin-1")
        case "koi8-r": .koi8r
        default: .cp866
        }
        let broken = mojibake(OwnText.bulgarian, as: page)
        #expect(broken != OwnText.bulgarian)
        #expect(try normalized(broken, options) == OwnText.bulgarian)
    }

    @Test func windows1251ReadAsLatin1() throws {
        let text = String(OwnText.bulgarian.map { $0 == "ѝ" ? "и" : $0 })
        #expect(try normalized(mojibake1251(text, as: .western), options) == text)
    }

    @Test func twoLayersDeep() throws {
        let once = mojibake(OwnText.bulgarian, as: .windows1251Lenient)
        let twice = mojibake(once, as: .windows1251Lenient)
        #expect(try normalized(twice, options) == OwnText.bulgarian)
        let mixed = mojibake(mojibake(OwnText.bulgarian, as: .western), as: .windows1251Lenient)
        #expect(try normalized(mixed, options) == OwnText.bulgarian)
    }

    @Test func mojibakeInsideCorrectText() throws {
        let text = "Заглавие: " + mojibake("Съобщение за медиите", as: .windows1251Lenient) + " (вижте „\(mojibake("в", as: .windows1251Lenient))“)."
        #expect(try normalized(text, options) == "Заглавие: Съобщение за медиите (вижте „в“).")
    }

    @Test func correctTextIsNeverTouched() throws {
        for text in [OwnText.bulgarian, OwnText.russian, OwnText.latin,
                     "Цена: 5 € или 10 $; ±2 °C; © 2026; α, β, γ; ½ ¼; № 7 § 3; ™ ® • · ×",
                     "Ёлка, Ъ и Ы; Ђорђе Јовановић из Београда; Україна і Київ"] {
            let result = try Normalizer(options: options).normalize(text)
            #expect(result.text == text)
            #expect(result.changes.isEmpty)
        }
    }

    @Test func repairsMapToTheirOriginalBytes() throws {
        let broken = "Град " + mojibake("София", as: .windows1251Lenient) + "."
        let result = try Normalizer(options: options).normalize(broken)
        #expect(result.text == "Град София.")
        // "ф" is the 3rd letter of София: its bytes in the mojibake are exactly its two characters.
        let bytes = Array(broken.utf8)
        let start = Array("Град Со".utf8).count
        let original = result.originalRange(of: start..<start + 2)
        #expect(String(decoding: bytes[original], as: UTF8.self) == mojibake("ф", as: .windows1251Lenient))
        #expect(result.changes.count == 1)
        #expect(result.changes[0].kind == .mojibake)
    }
}
