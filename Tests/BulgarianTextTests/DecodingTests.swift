import Testing
@testable import BulgarianText

@Suite("Decoding and detection")
struct DecodingTests {
    static let text = "Ѝ и ѝ, Й й. Ще дойда утре в 9:30 ч. на ул. „Шипка“ № 12 — ако времето позволи; ЩЪРКЕЛЪТ ЛЮБОПИТСТВА."

    /// `text` without what a code page lacks (ѝ Ѝ „ “ — №).
    static func plain(for encoding: TextEncoding) -> String {
        switch encoding {
        case .utf8, .utf16, .utf16LittleEndian, .utf16BigEndian: text
        case .windows1251: String(text.unicodeScalars.filter { ![0x045D, 0x040D].contains($0.value) }.map(Character.init))
        default:
            String(text.unicodeScalars.filter { ![0x045D, 0x040D, 0x201E, 0x201C, 0x2014, 0x2116].contains($0.value) }.map(Character.init))
        }
    }

    @Test(arguments: TextEncoding.allCases)
    func roundTrip(_ encoding: TextEncoding) throws {
        let text = Self.plain(for: encoding)
        let bytes = try #require(TextDecoder.encode(text, as: encoding))
        let decoded = try TextDecoder.decode(bytes, as: encoding)
        let result = try Normalizer().normalize(decoded)
        #expect(result.text == text)
        // Every word maps back to its bytes in the original encoding.
        let words = text.split(separator: " ")
        var searchFrom = 0
        let normalizedBytes = result.utf8
        for word in words {
            let wordBytes = Array(word.utf8)
            var start = searchFrom
            while !normalizedBytes[start...].starts(with: wordBytes) { start += 1 }
            let original = result.originalRange(of: start..<start + wordBytes.count)
            #expect(TextDecoder.encode(String(word), as: encoding == .utf16 ? .utf16LittleEndian : encoding)! == Array(bytes[original]),
                    "\(word) in \(encoding)")
            searchFrom = start + wordBytes.count
        }
    }

    @Test func mikTable() throws {
        let bytes: [UInt8] = [0x80, 0x9F, 0xA0, 0xBF, 0xD5, 0xFF]
        #expect(String(decoding: try TextDecoder.decode(bytes, as: .mik).utf8, as: UTF8.self) == "АЯая№\u{A0}")
        #expect(throws: TableError.self) {
            try SingleByteCodePage.parse("0x80 U+0410\n0x7F U+0041\n", name: "bad", source: "bad.txt")
        }
    }

    @Test func undecodableBytes() throws {
        // ICU's windows-1251 gives 0x98, empty in the code page, the C1 control U+0098; the default cleanup deletes it.
        #expect(String(decoding: try TextDecoder.decode([0xC0, 0x98, 0xC1], as: .windows1251).utf8, as: UTF8.self) == "А\u{98}Б")
        #expect(throws: DecodingError(encoding: .utf16LittleEndian, byteOffset: 2, bytes: [0x00, 0xD8], reason: "an unpaired surrogate")) {
            try TextDecoder.decode([0x41, 0x00, 0x00, 0xD8], as: .utf16LittleEndian)
        }
        let lossy = try TextDecoder.decode([0x10, 0x04, 0x00, 0xDC, 0x11, 0x04], as: .utf16LittleEndian, lossy: true)
        #expect(String(decoding: lossy.utf8, as: UTF8.self) == "А\u{FFFD}Б")
        #expect(throws: DecodingError.self) { try TextDecoder.decode([0x41, 0x00], as: .utf16) }
        let utf8 = try TextDecoder.decode([0x61, 0xE2, 0x82, 0x62], as: .utf8, lossy: true)
        #expect(String(decoding: utf8.utf8, as: UTF8.self) == "a\u{FFFD}b")
        #expect(utf8.originalRange(of: 4..<5) == 3..<4)
    }

    @Test(arguments: TextEncoding.singleByteCyrillic)
    func detection(_ encoding: TextEncoding) throws {
        let text = Self.plain(for: encoding) + " " + OwnText.bulgarian.filter { $0 != "ѝ" }
        let bytes = try #require(TextDecoder.encode(text, as: encoding))
        let detection = EncodingDetector.detect(bytes)
        #expect(detection.encoding == encoding)
        #expect(detection.confidence > 0.9)
    }

    @Test func detectionOfUnicode() throws {
        #expect(EncodingDetector.detect(Array(Self.text.utf8)).encoding == .utf8)
        #expect(EncodingDetector.detect(TextDecoder.encode(Self.text, as: .utf16)!).encoding == .utf16)
        #expect(EncodingDetector.detect(TextDecoder.encode(Self.text, as: .utf16BigEndian)!).encoding == .utf16BigEndian)
    }

    @Test func shortWordsAreDetectedToo() throws {
        for encoding in TextEncoding.singleByteCyrillic {
            let bytes = try #require(TextDecoder.encode("Здравей, свят!", as: encoding))
            #expect(EncodingDetector.detect(bytes).encoding == encoding, "\(encoding)")
        }
    }
}
