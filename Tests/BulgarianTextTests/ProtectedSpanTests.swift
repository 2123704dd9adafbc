import Testing
@testable import BulgarianText

@Suite("Protected spans")
struct ProtectedSpanTests {
    private func found(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return ProtectedSpanScanner.spans(in: text).map { span in
            String(decoding: bytes[span.range], as: UTF8.self)
        }
    }

    @Test func urlsStopBeforeSentencePunctuation() {
        #expect(found("Вижте https://forum.example.bg/programa?den=1. После") == ["https://forum.example.bg/programa?den=1"])
        #expect(found("(сайт: www.example.bg)") == ["www.example.bg"])
        #expect(found("„http://пример.бг/път“ каза") == ["http://пример.бг/път"])
    }

    @Test func emailAddresses() {
        #expect(found("Пишете на info@forum.plovdiv.example.") == ["info@forum.plovdiv.example"])
        #expect(found("a@b, @handle и x@y.z") == [])
    }

    @Test func placeholders() {
        #expect(found("Здравей, {name}! Имате %d съобщения и %1$s. ⟦12⟧ {{x}}") == ["{name}", "%d", "%1$s", "⟦12⟧", "{{x}}"])
        #expect(found("100% сигурно, {не} и ⟦⟧") == [])
    }

    @Test func codeLikeTokens() {
        #expect(found("Задайте max_retries и извикайте getElementById() или parse(), с --dry-run; std::vector и a->b.")
                == ["max_retries", "getElementById()", "parse()", "--dry-run", "std::vector", "a->b"])
        #expect(found("iPhone, McDonald, COVID-19, Reuters, e-mail, www_ и snake_case@example.bg") == ["snake_case@example.bg"])
    }

    @Test func plainBulgarianHasNone() {
        #expect(found("Кметът на Пловдив откри форума в 10.30 ч.") == [])
    }
}
