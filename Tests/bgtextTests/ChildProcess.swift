import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `bgtext` with `posix_spawn` and waits for it, for what
/// Foundation's `Process` does not offer: the signal that ended it, a time
/// limit, a standard output that the test reads only in part, and SIGPIPE
/// at its default action. (Its `ru_maxrss` is not bgtext's own: see
/// `HugeInputTests.measure`.)
enum ChildProcess {
    /// How a child ended.
    struct Outcome {
        /// The exit status, or nil when a signal ended the process.
        var exitStatus: Int32?
        /// The signal that ended the process, or nil.
        var signal: Int32?
    }

    /// Where the child's standard output goes.
    enum Output {
        /// A file, created or truncated.
        case file(String)
        /// A descriptor of the parent (such as a pipe's write end).
        case descriptor(Int32)
    }

    struct SpawnError: Error, CustomStringConvertible {
        var code: Int32
        var description: String { "posix_spawn failed: \(String(cString: strerror(code)))" }
    }

    /// Starts `bgtext arguments…` (or `launcher + [bgtext] + arguments` when a
    /// launcher such as `/bin/sh -c …` is given) with standard input from
    /// `stdin`, standard output to `stdout` and standard error to the file
    /// `stderr`. SIGPIPE has its default action in the child, as in a shell.
    static func spawn(_ arguments: [String], launcher: [String] = [], stdin: String = "/dev/null",
                      stdout: Output, stderr: String) throws -> pid_t {
        let argv = launcher + [BGTextRunner.executable.path] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        switch stdout {
        case .file(let path): posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        case .descriptor(let descriptor): posix_spawn_file_actions_adddup2(&actions, descriptor, 1)
        }
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid = pid_t()
        let result = posix_spawn(&pid, argv[0], &actions, &attributes, cArguments, environ)
        guard result == 0 else { throw SpawnError(code: result) }
        return pid
    }

    /// Waits for the child; after `timeout` seconds it is killed and the
    /// result is nil (a hang).
    static func wait(_ pid: pid_t, timeout: Double) -> Outcome? {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result < 0 && errno != EINTR { return nil }
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                return nil
            }
            usleep(20_000)
        }
        let signal = status & 0x7F
        return Outcome(exitStatus: signal == 0 ? (status >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal)
    }
}
