import Foundation
import Testing
import BulgarianText

/// The library carries tables/ inside it; this fails when the two differ
/// (a stale build, or a file the build did not pick up).
@Suite("Embedded tables")
struct EmbeddedTablesTests {
    static let tablesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("tables")

    static func filesOnDisk() throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = try #require(FileManager.default.enumerator(at: tablesFolder, includingPropertiesForKeys: nil))
        for case let url as URL in enumerator where !url.hasDirectoryPath && !url.lastPathComponent.hasPrefix(".") {
            let relative = String(url.standardizedFileURL.path.dropFirst(tablesFolder.standardizedFileURL.path.count + 1))
            files[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        return files
    }

    @Test func compiledInDataEqualsTheTablesFolder() throws {
        let onDisk = try Self.filesOnDisk()
        #expect(!onDisk.isEmpty)
        #expect(BuiltInTables.paths == onDisk.keys.sorted())
        for (path, text) in onDisk {
            #expect(BuiltInTables.text(path) == text, "tables/\(path) differs from the compiled-in copy")
        }
    }

    @Test func everyTableStartsWithAHeaderComment() throws {
        for (path, text) in try Self.filesOnDisk() where !path.hasSuffix(".tbx") && !path.hasSuffix(".csv") {
            #expect(text.hasPrefix("#"), "tables/\(path) must start with a comment giving its format and source")
        }
    }
}
