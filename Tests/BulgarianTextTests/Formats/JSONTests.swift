import Testing
import BulgarianText

@Suite("JSON")
struct JSONTests {
    @Test func stringsAreEscapedAndRoundTrip() throws {
        let text = "„Цитат“ \"в кавички\" \\ \n\t\u{0000}\u{001F}\u{2028} 😀"
        let value = JSONValue.string(text)
        #expect(value.serialized == #""„Цитат“ \"в кавички\" \\ \n\t\u0000\u001f\u2028 😀""#)
        #expect(try JSONValue.parse(value.serialized) == value)
    }

    @Test func parsesWhatOtherToolsWrite() throws {
        let value = try JSONValue.parse(#" {"id": 3, "text": "\u0416\u0436 \ud83d\ude00", "ok": true, "x": null, "n": -1.5e3, "a": [1, [2]]} "#)
        #expect(value["id"]?.intValue == 3)
        #expect(value["text"]?.stringValue == "Жж 😀")
        #expect(value["ok"]?.boolValue == true)
        #expect(value["x"] == .null)
        #expect(value["n"] == .number("-1.5e3"))
        #expect(value["a"]?.arrayValue?.count == 2)
    }

    @Test(arguments: [
        (#"{"id": 1,}"#, 10, "expected a string key"),
        (#"{"text": "отворен"#, 25, "unterminated string"),
        (#"[1 2]"#, 4, "expected ',' or ']'"),
        (#""\ud800""#, 8, "unpaired surrogate"),
        (#"{} x"#, 4, "unexpected text after the value"),
        ("", 1, "unexpected end of JSON"),
    ])
    func malformedJSONSaysWhere(text: String, column: Int, message: String) {
        #expect(throws: JSONError(column: column, message: message)) { _ = try JSONValue.parse(text) }
    }

    @Test func deepNestingIsRefused() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONError.self) { _ = try JSONValue.parse(deep) }
    }
}
