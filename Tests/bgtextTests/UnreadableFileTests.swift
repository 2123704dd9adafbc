import Foundation
import Testing

/// Files bgtext may not read: an input, a table or glossary, a map, an
/// original; and an output folder it may not write in. Each is one line
/// naming the file, exit 66 for input (EX_NOINPUT) and 73 for output
/// (EX_CANTCREAT).
///
/// The tests may run as root, for whom `chmod 000` does not stop reading.
/// Then bgtext runs without privileges, as user and group 65534 (`nobody`),
/// through `setpriv`; without `setpriv` a root run skips these tests (the
/// only honest alternative, a file root cannot read, does not exist on a
/// normal file system).
@Suite("Unreadable files")
struct UnreadableFileTests {
    static let isRoot = getuid() == 0
    static let setpriv = "/usr/bin/setpriv"
    static let canTest = !isRoot || FileManager.default.isExecutableFile(atPath: setpriv)
    /// How bgtext is started: as it is, or without root's privileges.
    static let launcher = isRoot ? [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] : []

    /// A folder the unprivileged user can enter, with a readable text and glossary.
    static func folder() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        chmod(folder.url.path, 0o755)
        try folder.file("text.txt", "Банката на България работи.\n")
        try folder.file("glossary.tsv", "банка\tbank\n")
        let locked = try folder.file("locked.txt", "банка\tbank\n")
        #expect(chmod(locked, 0o000) == 0)
        return folder
    }

    /// Every subcommand that reads files, with the unreadable file as its input.
    static let inputs: [[String]] = [
        ["translit"], ["normalize"], ["segment"], ["prep", "-q"], ["detect"],
        ["glossary", "--glossary", "GLOSSARY"], ["restore", "--map", "/dev/null"],
    ]

    @Test(.enabled(if: canTest), arguments: inputs)
    func anUnreadableInputIsNamed(_ command: [String]) throws {
        let folder = try Self.folder()
        let path = folder.url.appendingPathComponent("locked.txt").path
        let glossary = folder.url.appendingPathComponent("glossary.tsv").path
        let arguments = command.map { $0 == "GLOSSARY" ? glossary : $0 } + [path]
        let result = try BGTextRunner.run(arguments, launcher: Self.launcher)
        #expect(result.stderr == "bgtext: error: \(path): Permission denied\n", "\(command)")
        #expect(result.status == 66, "\(command)")
        #expect(result.stdout.isEmpty, "\(command)")
    }

    /// Tables, glossaries, maps and originals given by option.
    static let options: [[String]] = [
        ["translit", "--table", "LOCKED"], ["translit", "--exceptions", "LOCKED"], ["translit", "--rules", "LOCKED"],
        ["segment", "--abbreviations", "LOCKED"], ["prep", "-q", "--abbreviations", "LOCKED"],
        ["prep", "-q", "--spans", "LOCKED"], ["prep", "-q", "--glossary", "LOCKED"],
        ["glossary", "--glossary", "LOCKED"], ["restore", "--map", "LOCKED"], ["restore", "--original", "LOCKED"],
    ]

    @Test(.enabled(if: canTest), arguments: options)
    func anUnreadableTableIsNamed(_ command: [String]) throws {
        let folder = try Self.folder()
        let locked = folder.url.appendingPathComponent("locked.txt").path
        let text = folder.url.appendingPathComponent("text.txt").path
        let result = try BGTextRunner.run(command.map { $0 == "LOCKED" ? locked : $0 } + [text], launcher: Self.launcher)
        #expect(result.stderr == "bgtext: error: \(locked): Permission denied\n", "\(command)")
        #expect(result.status == 66, "\(command)")
        #expect(result.stdout.isEmpty, "\(command)")
    }

    @Test(.enabled(if: canTest))
    func anOutputInAFolderWithoutWritePermissionIsNamed() throws {
        let folder = try Self.folder()
        let text = folder.url.appendingPathComponent("text.txt").path
        let readOnly = folder.url.appendingPathComponent("read-only")
        try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: false)
        #expect(chmod(readOnly.path, 0o555) == 0)
        let output = readOnly.appendingPathComponent("out.txt").path
        let result = try BGTextRunner.run(["normalize", "-o", output, text], launcher: Self.launcher)
        #expect(result.stderr == "bgtext: error: \(output): cannot create a temporary file beside it: Permission denied\n")
        #expect(result.status == 73)
        #expect(!FileManager.default.fileExists(atPath: output))
        // In place in a folder bgtext may not write in: the file stays as it was.
        let dirty = try folder.file("dirty.txt", "Банка\u{AD}та\r\n")
        let inPlace = try BGTextRunner.run(["normalize", "--in-place", dirty], launcher: Self.launcher)
        #expect(inPlace.stderr == "bgtext: error: \(dirty): cannot create a temporary file beside it: Permission denied\n")
        #expect(inPlace.status == 73)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dirty)) == Data("Банка\u{AD}та\r\n".utf8))
    }
}
