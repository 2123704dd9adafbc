import Foundation

/// Runs the built `bgtext` executable, as a user would, and captures what it does.
///
/// The binary is the one SwiftPM built beside this test bundle, so the tests
/// exercise exactly what `swift build` produces.
enum BGTextRunner {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var output: String { String(decoding: stdout, as: UTF8.self) }
    }

    static var executable: URL {
        let testBinary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: testBinary).deletingLastPathComponent()
        // On Linux the test binary lives in the build folder itself; elsewhere inside a bundle.
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("bgtext").path),
              directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("bgtext")
    }

    /// Runs `bgtext arguments…` with `stdin` as its standard input; with a
    /// `launcher` (such as `setpriv …`), runs `launcher… bgtext arguments…`.
    static func run(_ arguments: [String], stdin: Data = Data(), in directory: URL? = nil,
                    launcher: [String] = []) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("bgtext-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inputURL = scratch.appendingPathComponent("stdin")
        let outputURL = scratch.appendingPathComponent("stdout")
        let errorURL = scratch.appendingPathComponent("stderr")
        try stdin.write(to: inputURL)
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)

        let process = Process()
        if let first = launcher.first {
            process.executableURL = URL(fileURLWithPath: first)
            process.arguments = Array(launcher.dropFirst()) + [executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = try FileHandle(forReadingFrom: inputURL)
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: try Data(contentsOf: outputURL),
                      stderr: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
    }

    /// Runs with a UTF-8 string as standard input.
    static func run(_ arguments: [String], input: String) throws -> Result {
        try run(arguments, stdin: Data(input.utf8))
    }
}

/// A temporary folder for a test's files, removed when the test ends.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("bgtext-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes a file and returns its path.
    @discardableResult
    func file(_ name: String, _ contents: Data) throws -> String {
        let fileURL = url.appendingPathComponent(name)
        try contents.write(to: fileURL)
        return fileURL.path
    }

    /// Writes a UTF-8 text file and returns its path.
    @discardableResult
    func file(_ name: String, _ text: String) throws -> String {
        try file(name, Data(text.utf8))
    }
}

/// The package's root folder, for the files it ships (samples/, tables/).
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
