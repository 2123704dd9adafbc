function __bgtext_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __bgtext_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __bgtext_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __bgtext_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __bgtext_parse_tokens -S
    set -l unparsed_tokens (__bgtext_tokens -pc)
    switch $unparsed_tokens[1]
    case 'bgtext'
        __bgtext_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'prep'
            __bgtext_parse_subcommand -r 1 'from=' 'lossy' 'fix-mojibake' 'fix-mixed-script' 'strip-stress' 'profile=' 'nfkc' 'abbreviations=' 'soft-wrap' 'preset=' 'spans=' 'glossary=' 'action=' 'format=' 'target-language=' 'jobs=' 'q/quiet' 'o/output=' 'in-place' 'version' 'h/help'
        case 'restore'
            __bgtext_parse_subcommand -r 1 'map=' 'original=' 'format=' 'from=' 'lossy' 'fix-mojibake' 'fix-mixed-script' 'strip-stress' 'profile=' 'nfkc' 'abbreviations=' 'soft-wrap' 'preset=' 'spans=' 'glossary=' 'action=' 'strict' 'o/output=' 'version' 'h/help'
        case 'normalize'
            __bgtext_parse_subcommand -r 1 'from=' 'fix-mojibake' 'fix-mixed-script' 'strip-stress' 'profile=' 'nfkc' 'explain' 'check' 'in-place' 'lossy' 'o/output=' 'version' 'h/help'
        case 'detect'
            __bgtext_parse_subcommand -r 1 'version' 'h/help'
        case 'segment'
            __bgtext_parse_subcommand -r 1 'format=' 'abbreviations=+' 'soft-wrap' 'no-colon-breaks' 'icu-only' 'lossy' 'jobs=' 'export-srx' 'o/output=' 'version' 'h/help'
        case 'glossary'
            __bgtext_parse_subcommand -r 1 'glossary=' 'glossary-format=' 'source-language=' 'target-language=' 'action=' 'format=' 'expand' 'export=' 'map=' 'lossy' 'o/output=' 'version' 'h/help'
        case 'translit'
            __bgtext_parse_subcommand -r 1 'system=' 'rules=' 'table=' 'exceptions=' 'fallback=' 'engine=' 'lossy' 'export-rules' 'o/output=' 'version' 'h/help'
        case 'help'
            __bgtext_parse_subcommand -r 1 'version'
        end
    end
end

function __bgtext_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __bgtext_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __bgtext_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __bgtext_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__bgtext_tokens -p)
    if test -z "$(__bgtext_tokens -t)"
        set -l index (count (__bgtext_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'bgtext' -f
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext" version' -l 'version' -d 'Show the version.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_positional "bgtext" -eq 1' -fa 'prep' -d 'Prepare Bulgarian documents for machine translation or a CAT tool.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_positional "bgtext" -eq 1' -fa 'restore' -d 'Put a translation back together: segments into the document, glossary targets into placeholders.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_positional "bgtext" -eq 1' -fa 'normalize' -d 'Clean Bulgarian text without losing meaning.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_positional "bgtext" -eq 1' -fa 'detect' -d 'Print the encoding of each file and how sure bgtext is.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_positional "bgtext" -eq 1' -fa 'segment' -d 'Split Bulgarian text into sentences.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_positional "bgtext" -eq 1' -fa 'glossary' -d 'Find glossary terms in Bulgarian text, in all their forms, and mark or replace them.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_positional "bgtext" -eq 1' -fa 'translit' -d 'Transliterate Bulgarian Cyrillic to Latin.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_positional "bgtext" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext prep" from' -l 'from' -d 'The input encoding (utf-8, utf-16, windows-1251, koi8-r, iso-8859-5, cp866, mik) or auto.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext prep" lossy' -l 'lossy' -d 'Replace undecodable bytes with U+FFFD instead of stopping.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext prep" fix-mojibake' -l 'fix-mojibake' -d 'Repair UTF-8 that was read in a legacy code page and saved again (Р‘СЉР»РіР°СЂРёСЏ).'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext prep" fix-mixed-script' -l 'fix-mixed-script' -d 'Make words that mix Cyrillic and Latin look-alikes single-script (Cофия).'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext prep" strip-stress' -l 'strip-stress' -d 'Delete stress marks (U+0301, U+0300) left after composition; й and ѝ stay.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext prep" profile' -l 'profile' -d 'A punctuation profile: typography („…“ – …) or ascii (" - ...).' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext prep" nfkc' -l 'nfkc' -d 'NFKC instead of NFC, keeping № ² ³ and the no-break spaces.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext prep" abbreviations' -l 'abbreviations' -d 'More abbreviations for segmentation (the format of tables/segmentation/).' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext prep" soft-wrap' -l 'soft-wrap' -d 'A single line break inside a sentence is a wrap, not a boundary.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext prep" preset' -l 'preset' -d 'A preset of metadata and boilerplate patterns from tables/prep/ (news).' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext prep" spans' -l 'spans' -d 'Metadata and boilerplate patterns of your own (the format of tables/prep/news.txt).' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext prep" glossary' -l 'glossary' -d 'A glossary: TSV, CSV or TBX.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext prep" action' -l 'action' -d 'What to do with glossary matches: mark, substitute or placeholder.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext prep" format' -l 'format' -d 'The output: text, jsonl, xliff (2.1) or xliff12 (1.2).' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext prep" target-language' -l 'target-language' -d 'The target language written into XLIFF (trgLang).' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext prep" jobs' -l 'jobs' -d 'How many blocks to prepare in parallel.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext prep" q quiet' -s 'q' -l 'quiet' -d 'No progress bar and no boilerplate report on standard error.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext prep" o output' -s 'o' -l 'output' -d 'Write to this file (atomically) instead of standard output.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext prep" in-place' -l 'in-place' -d 'Replace each input file with its prepared form (atomically).'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext prep" version' -l 'version' -d 'Show the version.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext prep" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext restore" map' -l 'map' -d 'The placeholder map written by `bgtext glossary --action placeholder`.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext restore" original' -l 'original' -d 'The original document that `bgtext prep` prepared.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext restore" format' -l 'format' -d 'The translated file\'s format with --original: jsonl, xliff, xliff12 or text (default: from its first character).' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext restore" from' -l 'from' -d 'The input encoding (utf-8, utf-16, windows-1251, koi8-r, iso-8859-5, cp866, mik) or auto.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext restore" lossy' -l 'lossy' -d 'Replace undecodable bytes with U+FFFD instead of stopping.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext restore" fix-mojibake' -l 'fix-mojibake' -d 'Repair UTF-8 that was read in a legacy code page and saved again (Р‘СЉР»РіР°СЂРёСЏ).'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext restore" fix-mixed-script' -l 'fix-mixed-script' -d 'Make words that mix Cyrillic and Latin look-alikes single-script (Cофия).'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext restore" strip-stress' -l 'strip-stress' -d 'Delete stress marks (U+0301, U+0300) left after composition; й and ѝ stay.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext restore" profile' -l 'profile' -d 'A punctuation profile: typography („…“ – …) or ascii (" - ...).' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext restore" nfkc' -l 'nfkc' -d 'NFKC instead of NFC, keeping № ² ³ and the no-break spaces.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext restore" abbreviations' -l 'abbreviations' -d 'More abbreviations for segmentation (the format of tables/segmentation/).' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext restore" soft-wrap' -l 'soft-wrap' -d 'A single line break inside a sentence is a wrap, not a boundary.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext restore" preset' -l 'preset' -d 'A preset of metadata and boilerplate patterns from tables/prep/ (news).' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext restore" spans' -l 'spans' -d 'Metadata and boilerplate patterns of your own (the format of tables/prep/news.txt).' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext restore" glossary' -l 'glossary' -d 'A glossary: TSV, CSV or TBX.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext restore" action' -l 'action' -d 'What to do with glossary matches: mark, substitute or placeholder.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext restore" strict' -l 'strict' -d 'Exit with status 65 when a placeholder was dropped, duplicated, damaged or unknown.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext restore" o output' -s 'o' -l 'output' -d 'Write to this file (atomically) instead of standard output.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext restore" version' -l 'version' -d 'Show the version.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext restore" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext normalize" from' -l 'from' -d 'The input encoding, or auto to detect it.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext normalize" fix-mojibake' -l 'fix-mojibake' -d 'Repair UTF-8 that was read in a legacy code page and saved again (Р‘СЉР»РіР°СЂРёСЏ).'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext normalize" fix-mixed-script' -l 'fix-mixed-script' -d 'Make words that mix Cyrillic and Latin look-alikes single-script (Cофия).'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext normalize" strip-stress' -l 'strip-stress' -d 'Delete stress marks (U+0301, U+0300) left after composition; й and ѝ stay.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext normalize" profile' -l 'profile' -d 'A punctuation profile: typography („…“ – …) or ascii (" - ...).' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext normalize" nfkc' -l 'nfkc' -d 'NFKC instead of NFC, keeping № ² ³ and the no-break spaces.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext normalize" explain' -l 'explain' -d 'Print every change on standard error.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext normalize" check' -l 'check' -d 'Write nothing; exit with 1 if normalization would change a file.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext normalize" in-place' -l 'in-place' -d 'Replace each file with its normalized text (atomically).'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext normalize" lossy' -l 'lossy' -d 'Replace undecodable bytes with U+FFFD instead of stopping.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext normalize" o output' -s 'o' -l 'output' -d 'Write to this file (atomically) instead of standard output.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext normalize" version' -l 'version' -d 'Show the version.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext normalize" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext detect" version' -l 'version' -d 'Show the version.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext detect" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext segment" format' -l 'format' -d 'The output format: text or jsonl.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext segment"' -l 'abbreviations' -d 'More abbreviations (FORM KIND per line), added to the built-in ones.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext segment" soft-wrap' -l 'soft-wrap' -d 'Treat a single line break inside a sentence as a wrap, not a boundary.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext segment" no-colon-breaks' -l 'no-colon-breaks' -d 'Never end a sentence at a colon (by default `…: Capital` ends one, except after labels such as `Снимка:`).'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext segment" icu-only' -l 'icu-only' -d 'Use ICU\'s boundaries alone, without the Bulgarian rules (for comparison).'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext segment" lossy' -l 'lossy' -d 'Replace invalid UTF-8 with U+FFFD instead of stopping.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext segment" jobs' -l 'jobs' -d 'Segment large inputs on this many cores; the output order is kept.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext segment" export-srx' -l 'export-srx' -d 'Write the effective rules as an SRX 2.0 file and exit.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext segment" o output' -s 'o' -l 'output' -d 'Write to this file (atomically) instead of standard output.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext segment" version' -l 'version' -d 'Show the version.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext segment" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext glossary" glossary' -l 'glossary' -d 'The glossary file.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext glossary" glossary-format' -l 'glossary-format' -d 'The glossary\'s format: tsv, csv or tbx (default: from its extension).' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext glossary" source-language' -l 'source-language' -d 'The source language code in a CSV or TBX glossary.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext glossary" target-language' -l 'target-language' -d 'The target language code in a CSV or TBX glossary (default: the first other language; en on export).' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext glossary" action' -l 'action' -d 'What to do with the matches: mark, substitute or placeholder.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext glossary" format' -l 'format' -d 'Output: text, or jsonl (one JSON object per input line).' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext glossary" expand' -l 'expand' -d 'List every generated form of every entry (with --export: export every form).'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext glossary" export' -l 'export' -d 'Write the glossary as deepl, csv or tbx and exit.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext glossary" map' -l 'map' -d 'With --action placeholder: where to write the placeholder map.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext glossary" lossy' -l 'lossy' -d 'Replace invalid UTF-8 with U+FFFD instead of stopping.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext glossary" o output' -s 'o' -l 'output' -d 'Write to this file (atomically) instead of standard output.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext glossary" version' -l 'version' -d 'Show the version.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext glossary" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext translit" system' -l 'system' -d 'The system: streamlined, bgn-1952 or iso9.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext translit" rules' -l 'rules' -d 'An ICU transform rule file to run instead of a system.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext translit" table' -l 'table' -d 'A transliteration table of your own, in the format of tables/transliteration/streamlined.txt, instead of the Streamlined System.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext translit" exceptions' -l 'exceptions' -d 'Whole words with fixed Latin forms (CYRILLIC LATIN per line).' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext translit" fallback' -l 'fallback' -d 'Transliterate non-Bulgarian Cyrillic letters too: iso9, or none (they pass through).' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext translit" engine' -l 'engine' -d 'The engine for the Streamlined System: native, or icu (ICU running the same table).' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext translit" lossy' -l 'lossy' -d 'Replace invalid UTF-8 with U+FFFD instead of stopping.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext translit" export-rules' -l 'export-rules' -d 'Print the system\'s table as ICU transform rules and exit.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext translit" o output' -s 'o' -l 'output' -d 'Write to this file (atomically) instead of standard output.' -rfka ''
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext translit" version' -l 'version' -d 'Show the version.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext translit" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'bgtext' -n '__bgtext_should_offer_completions_for_flags_or_options "bgtext help" version' -l 'version' -d 'Show the version.'
