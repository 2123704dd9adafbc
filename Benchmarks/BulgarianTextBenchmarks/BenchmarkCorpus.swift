import Foundation

/// The text every benchmark runs on: the project's own sample article
/// (samples/article.txt, compiled in below) repeated to at least `size` bytes,
/// with a running number in each copy so that no two paragraphs are equal.
enum BenchmarkCorpus {
    /// The size every throughput benchmark uses: 16 MiB (16.78 MB).
    static let size = 16 << 20

    static let article: String = {
        let path = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
        return (try? String(contentsOfFile: "/" + path + "/samples/article.txt", encoding: .utf8)) ?? fallbackArticle
    }()

    /// About `size` bytes of Bulgarian prose.
    static func text(bytes size: Int) -> String {
        var text = ""
        text.reserveCapacity(size + article.utf8.count)
        var copy = 0
        while text.utf8.count < size {
            copy += 1
            text += "Брой \(copy).\n" + article + "\n"
        }
        // Exactly `size` bytes, cut at a character boundary.
        var bytes = Array(text.utf8.prefix(size))
        while let last = bytes.last, last & 0xC0 == 0x80 || last >= 0xC0 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Used only when samples/ cannot be read.
    private static let fallbackArticle = "Кметът на Пловдив проф. Иван Георгиев откри форума. Министър Петрова съобщи, че Европейският съюз ще отпусне 45 млн. евро.\n"
}
