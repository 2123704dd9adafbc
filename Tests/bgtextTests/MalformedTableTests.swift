import Foundation
import Testing

/// Every table and glossary format a user can pass on the command line,
/// malformed: the error is one line naming the file and the line (exit 65),
/// and nothing is written to standard output.
@Suite("Malformed tables end to end")
struct MalformedTableTests {
    /// The option, the file's name and contents, the subcommand, and the
    /// message after `bgtext: error: FILE`.
    static let cases: [(command: [String], name: String, contents: String, message: String)] = [
        (["glossary", "--glossary"], "terms.tsv", "банка\tbank\nдържава\n",
         ":2: expected `source<TAB>target[<TAB>options]`, found 1 field"),
        (["glossary", "--glossary"], "terms.tsv", "банка\tbank\tgender=x\n",
         ":1: unknown gender 'x' (expected m, f, n or pl)"),
        (["glossary", "--glossary"], "terms.csv", "source,target\nбанка,bank\n\"държава,state\n",
         ":3: a quoted field is never closed"),
        (["glossary", "--glossary"], "terms.tbx",
         "<?xml version=\"1.0\"?>\n<tbx>\n<text><body>\n<conceptEntry><langSec xml:lang=\"bg\"><termSec><term>банка</term></langSec>\n</body></text></tbx>\n",
         ":4: column 65: end tag </langSec> does not match <termSec>"),
        (["prep", "-q", "--glossary"], "terms.tsv", "банка\tbank\nдържава\n",
         ":2: expected `source<TAB>target[<TAB>options]`, found 1 field"),
        (["translit", "--table"], "table.txt", "# a table\nletter а a\nа a\n",
         ":3: unknown rule `а` (expected letter, ending, word, compose or drop)"),
        (["translit", "--exceptions"], "exceptions.txt", "софия Sofia\nпловдив\n",
         ":2: expected `CYRILLIC LATIN` (one word each), found `пловдив`"),
        (["translit", "--rules"], "rules.txt", "а > a;\nб > ;;; в (\n",
         ": line 2, column 9: U_MISSING_OPERATOR in `б > ;;; в (`"),
        (["segment", "--abbreviations"], "abbreviations.txt", "проф. never-end\nдоц never-end\n",
         ":2: 'доц' is not an abbreviation: it must end with a dot and be at most 48 bytes"),
        (["prep", "-q", "--abbreviations"], "abbreviations.txt", "проф. never-end\nдоц never-end\n",
         ":2: 'доц' is not an abbreviation: it must end with a dot and be at most 48 bytes"),
        (["prep", "-q", "--spans"], "spans.txt", "metadata-line  Дата: {rest}\nbogus-kind x\n",
         ":2: expected `metadata-line PATTERN`, `metadata-start PATTERN` or `boilerplate PATTERN`, found `bogus-kind x`"),
        (["restore", "--map"], "map.tsv", "{\"not\": \"a map\"}\n",
         ":1: expected `⟦N⟧<TAB>replacement<TAB>source<TAB>matched text`, found 1 field"),
    ]

    @Test(arguments: cases.indices)
    func aMalformedFileIsOneLineNamingFileAndLine(_ index: Int) throws {
        let test = Self.cases[index]
        let folder = try TemporaryDirectory()
        let table = try folder.file(test.name, test.contents)
        let text = try folder.file("text.txt", "Банката на София.\n")
        let result = try BGTextRunner.run(test.command + [table, text])
        #expect(result.status == 65, "\(test.command) \(test.name): \(result.stderr)")
        #expect(result.stderr == "bgtext: error: \(table)\(test.message)\n", "\(test.command) \(test.name)")
        #expect(result.stdout.isEmpty, "\(test.command) \(test.name)")
    }

    @Test func anUnknownPresetOrFallbackIsAUsageError() throws {
        let preset = try BGTextRunner.run(["prep", "-q", "--preset", "no-such-preset"], input: "Текст.\n")
        #expect(preset.status == 64, "\(preset.stderr)")
        #expect(preset.stderr.contains("no-such-preset"))
        let fallback = try BGTextRunner.run(["translit", "--fallback", "no-such-table"], input: "Текст.\n")
        #expect(fallback.status == 64, "\(fallback.stderr)")
        #expect(fallback.stderr.contains("unknown fallback 'no-such-table' (expected none or iso9)"))
    }
}
