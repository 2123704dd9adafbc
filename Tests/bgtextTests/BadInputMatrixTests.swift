import Foundation
import Testing

/// Every reading subcommand over inputs users really have: an empty file, a
/// file of only newlines, NUL bytes, a PNG, a directory, a FIFO. Each gives
/// output or a one-line `bgtext: error:` naming the file, with a documented
/// exit code; never a crash.
@Suite("Bad-input matrix")
struct BadInputMatrixTests {
    static let commands: [[String]] = [["translit"], ["normalize"], ["segment"], ["prep", "-q"], ["detect"]]
    static let documented: Set<Int32> = [0, 1, 64, 65, 66, 70, 73]

    /// The first bytes of a PNG file: signature and the start of an IHDR chunk.
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
                           0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00, 0x5C, 0x72, 0xA8])

    @Test(arguments: commands)
    func emptyFileAndOnlyNewlinesSucceed(_ command: [String]) throws {
        let folder = try TemporaryDirectory()
        for (name, contents) in [("empty.txt", Data()), ("newlines.txt", Data(repeating: 0x0A, count: 1000))] {
            let path = try folder.file(name, contents)
            let result = try BGTextRunner.run(command + [path])
            #expect(result.status == 0, "\(command) \(name): \(result.stderr)")
            #expect(!result.stderr.contains("error"), "\(command) \(name): \(result.stderr)")
        }
    }

    @Test(arguments: commands)
    func nulBytesAreTextNotAnEnd(_ command: [String]) throws {
        let folder = try TemporaryDirectory()
        let path = try folder.file("nul.txt", Data("Първо\u{0}второ. Трето.\n".utf8))
        let result = try BGTextRunner.run(command + [path])
        #expect(result.status == 0, "\(command): \(result.stderr)")
        switch command[0] {
        case "translit": #expect(result.stdout == Data("Parvo\u{0}vtoro. Treto.\n".utf8))
        case "normalize": #expect(result.output == "Първовторо. Трето.\n")
        case "segment": #expect(result.output.contains("Трето."))
        default: break
        }
    }

    @Test(arguments: commands.filter { $0[0] != "detect" })
    func aPNGIsInvalidUTF8AtItsOffset(_ command: [String]) throws {
        let folder = try TemporaryDirectory()
        let path = try folder.file("image.png", Self.png)
        let result = try BGTextRunner.run(command + [path])
        #expect(result.status == 65, "\(command): \(result.stderr)")
        #expect(result.stderr.hasPrefix("bgtext: error: \(path)"), "\(command): \(result.stderr)")
        #expect(result.stderr.contains("byte 0") || result.stderr.contains("offset 0"), "\(command): \(result.stderr)")
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(command): \(result.stderr)")
    }

    @Test(arguments: commands)
    func aDirectoryIsRefused(_ command: [String]) throws {
        let folder = try TemporaryDirectory()
        let result = try BGTextRunner.run(command + [folder.url.path])
        #expect(result.status == 66, "\(command): \(result.stderr)")
        #expect(result.stderr == "bgtext: error: \(folder.url.path): is a directory\n", "\(command)")
    }

    @Test(arguments: commands)
    func aFIFOIsReadToItsEnd(_ command: [String]) throws {
        let folder = try TemporaryDirectory()
        let path = folder.url.appendingPathComponent("pipe").path
        #expect(mkfifo(path, 0o600) == 0)
        let text = "Проф. Иванов дойде. Всички станаха.\n"
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: path) {
                handle.write(Data(text.utf8))
                try? handle.close()
            }
        }
        writer.start()
        let result = try BGTextRunner.run(command + [path])
        #expect(Self.documented.contains(result.status), "\(command): \(result.status) \(result.stderr)")
        #expect(result.status == 0, "\(command): \(result.stderr)")
        if command[0] == "normalize" { #expect(result.output == text) }
        if command[0] == "segment" { #expect(result.output == "Проф. Иванов дойде.\nВсички станаха.\n") }
    }
}
