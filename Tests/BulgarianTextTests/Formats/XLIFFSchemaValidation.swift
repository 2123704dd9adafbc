import Foundation

/// Validates XLIFF with `xmllint --schema` against the OASIS schemas in
/// ../shared/schemas/xliff (outside the project; the tests are skipped, and
/// say so, where that folder or xmllint is absent).
enum XLIFFSchemaValidation {
    static let schemas = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/schemas/xliff")

    static let xmllint: String? = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static var isAvailable: Bool {
        xmllint != nil && FileManager.default.fileExists(atPath: schemas.appendingPathComponent("2.1/xliff21-all.xsd").path)
    }

    enum Version {
        case v21, v12
        var schema: String { self == .v21 ? "2.1/xliff21-all.xsd" : "1.2/xliff-core-1.2-strict.xsd" }
    }

    /// xmllint's exit status and messages for `document`.
    static func validate(_ document: String, as version: Version) throws -> (status: Int32, messages: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bgtext-\(UUID().uuidString).xlf")
        try Data(document.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint!)
        process.arguments = ["--nonet", "--noout", "--schema", schemas.appendingPathComponent(version.schema).path, file.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let messages = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: messages, as: UTF8.self))
    }
}
