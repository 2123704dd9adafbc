import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `-o` to a destination that exists and is not a regular file — a FIFO
/// here, standing for `/dev/null`, `/dev/stdout` and other devices — is
/// written through, never replaced by a file renamed over it (as root,
/// `-o /dev/null` used to leave a regular file where the device was);
/// `--in-place` refuses such a file; `-o` a directory fails before any work.
/// A symbolic link is followed as a shell's `>` follows it: the file it
/// points to is replaced and the link stays.
@Suite("Special destinations")
struct SpecialDestinationTests {
    static func isFIFO(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO
    }

    static func names(in folder: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
    }

    @Test func outputToAFIFOIsWrittenThroughIt() async throws {
        let folder = try TemporaryDirectory()
        let input = try folder.file("in.txt", "Добър ден, София.\n")
        let fifo = folder.url.appendingPathComponent("out.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Opening a FIFO for reading waits for a writer: read on another thread.
        let reading = Task.detached { () -> Data in
            guard let handle = FileHandle(forReadingAtPath: fifo) else { return Data() }
            defer { try? handle.close() }
            return handle.readDataToEndOfFile()
        }
        let result = try BGTextRunner.run(["translit", "-o", fifo, input])
        // Should bgtext not have opened the FIFO, open and close its write
        // end so that the reader sees the end instead of waiting for ever.
        let unblock = open(fifo, O_WRONLY | O_NONBLOCK)
        if unblock >= 0 { close(unblock) }
        let received = await reading.value
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        #expect(String(decoding: received, as: UTF8.self) == "Dobar den, Sofia.\n")
        #expect(Self.isFIFO(fifo), "the FIFO was replaced")
        #expect(try Self.names(in: folder) == ["in.txt", "out.fifo"], "a temporary file was left behind")
    }

    @Test func inPlaceRefusesAFIFO() throws {
        let folder = try TemporaryDirectory()
        let fifo = folder.url.appendingPathComponent("text.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let result = try BGTextRunner.run(["prep", "--in-place", fifo])
        #expect(result.status == 66)
        #expect(result.stderr == "bgtext: error: \(fifo): --in-place replaces regular files only\n")
        #expect(Self.isFIFO(fifo))
        #expect(try Self.names(in: folder) == ["text.fifo"])
    }

    @Test func outputToADirectoryFailsFirst() throws {
        let folder = try TemporaryDirectory()
        let input = try folder.file("in.txt", "Добър ден.\n")
        let directory = folder.url.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        for command in [["translit"], ["segment"], ["prep", "-q"], ["normalize"]] {
            let result = try BGTextRunner.run(command + ["-o", directory, input])
            #expect(result.status == 73, "\(command)")
            #expect(result.stderr == "bgtext: error: \(directory): is a directory\n", "\(command)")
            #expect(result.stdout.isEmpty, "\(command)")
        }
        #expect(try Self.names(in: folder) == ["in.txt", "out"])
    }

    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    static func contents(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func outputToASymbolicLinkReplacesTheFileItPointsTo() throws {
        let folder = try TemporaryDirectory()
        let input = try folder.file("in.txt", "Добър ден, София.\n")
        try FileManager.default.createDirectory(atPath: folder.url.appendingPathComponent("real").path,
                                                withIntermediateDirectories: false)
        let target = try folder.file("real/out.txt", "старо съдържание\n")
        let link = folder.url.appendingPathComponent("out.txt").path
        // A relative link, resolved from the link's folder.
        #expect(symlink("real/out.txt", link) == 0)
        let result = try BGTextRunner.run(["translit", "-o", link, input])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        #expect(Self.isLink(link), "the link was replaced by a file")
        #expect(try Self.contents(target) == "Dobar den, Sofia.\n")
        #expect(try Self.names(in: folder) == ["in.txt", "out.txt", "real"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("real").path)
                == ["out.txt"], "a temporary file was left behind")
    }

    @Test func inPlaceThroughAChainOfLinksRewritesTheFile() throws {
        let folder = try TemporaryDirectory()
        let target = try folder.file("text.txt", "Ще дойда ут\u{AD}ре.\r\n")
        let first = folder.url.appendingPathComponent("first").path
        let second = folder.url.appendingPathComponent("second").path
        #expect(symlink(target, first) == 0)
        #expect(symlink("first", second) == 0)
        let result = try BGTextRunner.run(["normalize", "--in-place", second])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.isLink(first) && Self.isLink(second))
        #expect(try Self.contents(target) == "Ще дойда утре.\n")
        #expect(try Self.names(in: folder) == ["first", "second", "text.txt"])
    }

    @Test func outputToALinkToAMissingFileCreatesTheFile() throws {
        let folder = try TemporaryDirectory()
        let input = try folder.file("in.txt", "Кремъл\n")
        let link = folder.url.appendingPathComponent("out").path
        #expect(symlink("new.txt", link) == 0)
        let result = try BGTextRunner.run(["translit", "-o", link, input])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.isLink(link))
        #expect(try Self.contents(folder.url.appendingPathComponent("new.txt").path) == "Kremal\n")
    }

    @Test func aLoopOfLinksIsAnErrorBeforeAnyWork() throws {
        let folder = try TemporaryDirectory()
        let input = try folder.file("in.txt", "Кремъл\n")
        let first = folder.url.appendingPathComponent("a").path
        let second = folder.url.appendingPathComponent("b").path
        #expect(symlink("b", first) == 0)
        #expect(symlink("a", second) == 0)
        let result = try BGTextRunner.run(["translit", "-o", first, input])
        #expect(result.status == 73)
        #expect(result.stderr == "bgtext: error: \(first): Too many levels of symbolic links\n")
        #expect(result.stdout.isEmpty)
        #expect(try Self.names(in: folder) == ["a", "b", "in.txt"])
    }
}
