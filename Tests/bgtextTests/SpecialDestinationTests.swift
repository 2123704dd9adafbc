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
}
