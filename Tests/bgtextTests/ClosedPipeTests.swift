import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Pipes that close early, at either end.
///
/// A writer that stops inside a character (a killed producer, a cut
/// download) leaves input that ends with a partial UTF-8 sequence: bgtext
/// names the offset and exits 65, or with `--lossy` ends the text with U+FFFD.
///
/// A reader that goes away (`bgtext … | head -c 10`): bgtext ends as `cat`
/// does, by SIGPIPE, silently (status 141 in a shell); when its parent
/// ignores SIGPIPE, the write fails with EPIPE and bgtext exits 73 with one
/// line `bgtext: error: <stdout>: Broken pipe`. It never hangs.
@Suite("Closed pipes")
struct ClosedPipeTests {
    /// "Добър ден" and the first byte of another Cyrillic letter: 17 whole bytes, then 0xD0.
    static let cutInput = Data("Добър ден".utf8) + Data([0xD0])
    static let useLossy = "use --lossy to replace invalid bytes with U+FFFD"

    /// Each reading subcommand: its error for the cut input on standard input, and its `--lossy` output.
    static let cases: [(command: [String], error: String, lossy: String)] = [
        (["translit"], "<stdin>: invalid UTF-8 at byte 17 (0xD0); \(useLossy)", "Dobar den\u{FFFD}"),
        (["normalize"], "<stdin>: invalid UTF-8 at byte 17 (0xD0); is it in another encoding? Try --from auto, or --lossy to replace invalid bytes with U+FFFD",
         "Добър ден\u{FFFD}"),
        (["segment"], "<stdin>: invalid UTF-8 at byte 17 (0xD0); \(useLossy)", "Добър ден\u{FFFD}\n"),
        (["prep", "-q", "--format", "text"],
         "<stdin>: invalid UTF-8 at byte 17 (0xD0), line 1; is it in another encoding? Try --from auto, or --lossy to replace invalid bytes with U+FFFD",
         "Добър ден\u{FFFD}\n"),
        (["glossary", "--glossary", "GLOSSARY"], "<stdin>: invalid UTF-8 at byte 17 (0xD0); \(useLossy)", "Добър ден\u{FFFD}"),
        (["restore", "--map", "/dev/null"], "<stdin>: invalid UTF-8 at byte 17 (0xD0); \(useLossy)", "Добър ден\u{FFFD}"),
    ]

    @Test(arguments: cases.indices)
    func inputCutInsideACharacter(_ index: Int) throws {
        let (command, error, lossy) = Self.cases[index]
        let folder = try TemporaryDirectory()
        let glossary = try folder.file("glossary.tsv", "банка\tbank\n")
        let arguments = command.map { $0 == "GLOSSARY" ? glossary : $0 }
        let strict = try BGTextRunner.run(arguments, stdin: Self.cutInput)
        #expect(strict.stderr == "bgtext: error: \(error)\n", "\(command)")
        #expect(strict.status == 65, "\(command)")
        let repaired = try BGTextRunner.run(arguments + ["--lossy"], stdin: Self.cutInput)
        #expect(repaired.status == 0, "\(command): \(repaired.stderr)")
        #expect(repaired.output == lossy, "\(command)")
    }

    /// The same through a real pipe whose writer closes after the partial
    /// character: a FIFO as standard input and as a named input file.
    @Test(arguments: cases.indices)
    func aFIFOWhoseWriterStopsInsideACharacter(_ index: Int) throws {
        let (command, error, lossy) = Self.cases[index]
        let folder = try TemporaryDirectory()
        let glossary = try folder.file("glossary.tsv", "банка\tbank\n")
        let arguments = command.map { $0 == "GLOSSARY" ? glossary : $0 }
        for (useLossy, asFile) in [(false, false), (true, false), (false, true), (true, true)] {
            let fifo = folder.url.appendingPathComponent("pipe-\(useLossy)-\(asFile)").path
            #expect(mkfifo(fifo, 0o600) == 0)
            let writer = Thread {
                let descriptor = open(fifo, O_WRONLY)
                guard descriptor >= 0 else { return }
                Self.cutInput.withUnsafeBytes { _ = write(descriptor, $0.baseAddress, $0.count) }
                close(descriptor)
            }
            writer.start()
            let output = folder.url.appendingPathComponent("out").path
            let errors = folder.url.appendingPathComponent("err").path
            let pid = try ChildProcess.spawn(arguments + (useLossy ? ["--lossy"] : []) + (asFile ? [fifo] : []),
                                             stdin: asFile ? "/dev/null" : fifo, stdout: .file(output), stderr: errors)
            let outcome = try #require(ChildProcess.wait(pid, timeout: 60), "\(command) hung")
            let stderr = try String(contentsOfFile: errors, encoding: .utf8)
            if useLossy {
                #expect(outcome.exitStatus == 0, "\(command): \(stderr)")
                #expect(try String(contentsOfFile: output, encoding: .utf8) == lossy, "\(command)")
            } else {
                let named = asFile ? error.replacingOccurrences(of: "<stdin>", with: fifo) : error
                #expect(stderr == "bgtext: error: \(named)\n", "\(command)")
                #expect(outcome.exitStatus == 65, "\(command)")
            }
        }
    }

    @Test func detectCallsTextCutInsideACharacterUTF8() throws {
        let result = try BGTextRunner.run(["detect"], stdin: Self.cutInput)
        #expect(result.output == "<stdin>: utf-8 1.00\n")
        #expect(result.status == 0)
        // A lone byte proves nothing: it stays a single-byte guess.
        let lone = try BGTextRunner.run(["detect"], stdin: Data("Dobar den".utf8) + Data([0xD0]))
        #expect(!lone.output.contains("utf-8"), "\(lone.output)")
    }

    /// Every subcommand that writes as much as it reads.
    static let writers: [[String]] = [
        ["translit"], ["normalize"], ["segment"], ["prep", "-q"], ["glossary", "--glossary", "GLOSSARY"],
        ["restore", "--map", "/dev/null"],
    ]

    /// Runs `command` over 4 MB with standard output into a pipe of which
    /// the test reads 10 bytes and then closes; returns how bgtext ended and
    /// its standard error.
    static func runIntoClosedPipe(_ command: [String], launcher: [String] = []) throws -> (ChildProcess.Outcome?, String) {
        let folder = try TemporaryDirectory()
        let glossary = try folder.file("glossary.tsv", "сила\tstrength\n")
        let input = try folder.file("input.txt", String(repeating: "Съединението прави силата, а думите текат без край.\n",
                                                        count: 80_000))
        let errors = folder.url.appendingPathComponent("err").path
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        // Close-on-exec, so that no other child keeps the pipe open (the
        // child gets the write end as its standard output all the same).
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        let pid = try ChildProcess.spawn(command.map { $0 == "GLOSSARY" ? glossary : $0 } + [input], launcher: launcher,
                                         stdout: .descriptor(ends[1]), stderr: errors)
        close(ends[1])
        var buffer = [UInt8](repeating: 0, count: 10)
        var received = 0
        while received < 10 {
            let count = buffer.withUnsafeMutableBytes { read(ends[0], $0.baseAddress! + received, 10 - received) }
            if count <= 0 { break }
            received += count
        }
        #expect(received == 10, "\(command)")
        close(ends[0])
        let outcome = ChildProcess.wait(pid, timeout: 120)
        return (outcome, try String(contentsOfFile: errors, encoding: .utf8))
    }

    @Test(arguments: writers)
    func aReaderThatGoesAwayEndsBgtextBySIGPIPE(_ command: [String]) throws {
        let (outcome, stderr) = try Self.runIntoClosedPipe(command)
        let ended = try #require(outcome, "\(command) hung after its reader went away")
        #expect(ended.signal == SIGPIPE, "\(command): \(ended) \(stderr)")
        #expect(stderr == "", "\(command)")
    }

    @Test(arguments: writers)
    func withSIGPIPEIgnoredABrokenPipeIsOneErrorLine(_ command: [String]) throws {
        let launcher = ["/bin/sh", "-c", "trap '' PIPE; exec \"$@\"", "sh"]
        let (outcome, stderr) = try Self.runIntoClosedPipe(command, launcher: launcher)
        let ended = try #require(outcome, "\(command) hung after its reader went away")
        #expect(ended.exitStatus == 73, "\(command): \(ended) \(stderr)")
        #expect(stderr == "bgtext: error: <stdout>: Broken pipe\n", "\(command)")
    }
}
