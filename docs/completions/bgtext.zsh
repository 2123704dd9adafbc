#compdef bgtext

__bgtext_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__bgtext_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __bgtext_complete "${completions[@]:0:-1}"
    fi
}

__bgtext_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_bgtext() {
    emulate -RL zsh -G
    setopt extendedglob nullglob numericglobsort
    unsetopt aliases banghist

    local -xr SAP_SHELL=zsh
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(builtin emulate zsh -c 'printf %s "${ZSH_VERSION}"')"
    local -r SAP_SHELL_VERSION

    local context state state_descr line
    local -A opt_args

    local -r command_name="${words[1]}"
    local -ar command_line=("${words[@]}")
    local -ir current_word_index="$((CURRENT - 1))"

    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'prep:Prepare Bulgarian documents for machine translation or a CAT tool.'
            'restore:Put a translation back together: segments into the document, glossary targets into placeholders.'
            'normalize:Clean Bulgarian text without losing meaning.'
            'detect:Print the encoding of each file and how sure bgtext is.'
            'segment:Split Bulgarian text into sentences.'
            'glossary:Find glossary terms in Bulgarian text, in all their forms, and mark or replace them.'
            'translit:Transliterate Bulgarian Cyrillic to Latin.'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        prep|restore|normalize|detect|segment|glossary|translit|help)
            "_bgtext_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_bgtext_prep() {
    local -i ret=1
    local -ar arg_specs=(
        '--from[The input encoding (utf-8, utf-16, windows-1251, koi8-r, iso-8859-5, cp866, mik) or auto.]:encoding:'
        '--lossy[Replace undecodable bytes with U+FFFD instead of stopping.]'
        '--fix-mojibake[Repair UTF-8 that was read in a legacy code page and saved again (Р‘СЉР»РіР°СЂРёСЏ).]'
        '--fix-mixed-script[Make words that mix Cyrillic and Latin look-alikes single-script (Cофия).]'
        '--strip-stress[Delete stress marks (U+0301, U+0300) left after composition; й and ѝ stay.]'
        '--profile[A punctuation profile\: typography („…“ – …) or ascii (" - ...).]:profile:'
        '--nfkc[NFKC instead of NFC, keeping № ² ³ and the no-break spaces.]'
        '--abbreviations[More abbreviations for segmentation (the format of tables/segmentation/).]:file:'
        '--soft-wrap[A single line break inside a sentence is a wrap, not a boundary.]'
        '--preset[A preset of metadata and boilerplate patterns from tables/prep/ (news).]:name:'
        '--spans[Metadata and boilerplate patterns of your own (the format of tables/prep/news.txt).]:file:'
        '--glossary[A glossary\: TSV, CSV or TBX.]:file:'
        '--action[What to do with glossary matches\: mark, substitute or placeholder.]:action:'
        '--format[The output\: text, jsonl, xliff (2.1) or xliff12 (1.2).]:format:'
        '--target-language[The target language written into XLIFF (trgLang).]:language:'
        '--jobs[How many blocks to prepare in parallel.]:jobs:'
        '(-q --quiet)'{-q,--quiet}'[No progress bar and no boilerplate report on standard error.]'
        '(-o --output)'{-o,--output}'[Write to this file (atomically) instead of standard output.]:file:'
        '--in-place[Replace each input file with its prepared form (atomically).]'
        '*:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_bgtext_restore() {
    local -i ret=1
    local -ar arg_specs=(
        '--map[The placeholder map written by `bgtext glossary --action placeholder`.]:file:'
        '--original[The original document that `bgtext prep` prepared.]:file:'
        '--format[The translated file'\''s format with --original\: jsonl, xliff, xliff12 or text (default\: from its first character).]:format:'
        '--from[The input encoding (utf-8, utf-16, windows-1251, koi8-r, iso-8859-5, cp866, mik) or auto.]:encoding:'
        '--lossy[Replace undecodable bytes with U+FFFD instead of stopping.]'
        '--fix-mojibake[Repair UTF-8 that was read in a legacy code page and saved again (Р‘СЉР»РіР°СЂРёСЏ).]'
        '--fix-mixed-script[Make words that mix Cyrillic and Latin look-alikes single-script (Cофия).]'
        '--strip-stress[Delete stress marks (U+0301, U+0300) left after composition; й and ѝ stay.]'
        '--profile[A punctuation profile\: typography („…“ – …) or ascii (" - ...).]:profile:'
        '--nfkc[NFKC instead of NFC, keeping № ² ³ and the no-break spaces.]'
        '--abbreviations[More abbreviations for segmentation (the format of tables/segmentation/).]:file:'
        '--soft-wrap[A single line break inside a sentence is a wrap, not a boundary.]'
        '--preset[A preset of metadata and boilerplate patterns from tables/prep/ (news).]:name:'
        '--spans[Metadata and boilerplate patterns of your own (the format of tables/prep/news.txt).]:file:'
        '--glossary[A glossary\: TSV, CSV or TBX.]:file:'
        '--action[What to do with glossary matches\: mark, substitute or placeholder.]:action:'
        '--strict[Exit with status 65 when a placeholder was dropped, duplicated, damaged or unknown.]'
        '(-o --output)'{-o,--output}'[Write to this file (atomically) instead of standard output.]:file:'
        '*:translated:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_bgtext_normalize() {
    local -i ret=1
    local -ar arg_specs=(
        '--from[The input encoding, or auto to detect it.]:encoding:'
        '--fix-mojibake[Repair UTF-8 that was read in a legacy code page and saved again (Р‘СЉР»РіР°СЂРёСЏ).]'
        '--fix-mixed-script[Make words that mix Cyrillic and Latin look-alikes single-script (Cофия).]'
        '--strip-stress[Delete stress marks (U+0301, U+0300) left after composition; й and ѝ stay.]'
        '--profile[A punctuation profile\: typography („…“ – …) or ascii (" - ...).]:profile:'
        '--nfkc[NFKC instead of NFC, keeping № ² ³ and the no-break spaces.]'
        '--explain[Print every change on standard error.]'
        '--check[Write nothing; exit with 1 if normalization would change a file.]'
        '--in-place[Replace each file with its normalized text (atomically).]'
        '--lossy[Replace undecodable bytes with U+FFFD instead of stopping.]'
        '(-o --output)'{-o,--output}'[Write to this file (atomically) instead of standard output.]:file:'
        '*:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_bgtext_detect() {
    local -i ret=1
    local -ar arg_specs=(
        '*:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_bgtext_segment() {
    local -i ret=1
    local -ar arg_specs=(
        '--format[The output format\: text or jsonl.]:format:'
        '*--abbreviations[More abbreviations (FORM KIND per line), added to the built-in ones.]:file:'
        '--soft-wrap[Treat a single line break inside a sentence as a wrap, not a boundary.]'
        '--no-colon-breaks[Never end a sentence at a colon (by default `…\: Capital` ends one, except after labels such as `Снимка\:`).]'
        '--icu-only[Use ICU'\''s boundaries alone, without the Bulgarian rules (for comparison).]'
        '--lossy[Replace invalid UTF-8 with U+FFFD instead of stopping.]'
        '--jobs[Segment large inputs on this many cores; the output order is kept.]:n:'
        '--export-srx[Write the effective rules as an SRX 2.0 file and exit.]'
        '(-o --output)'{-o,--output}'[Write to this file (atomically) instead of standard output.]:file:'
        '*:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_bgtext_glossary() {
    local -i ret=1
    local -ar arg_specs=(
        '--glossary[The glossary file.]:file:'
        '--glossary-format[The glossary'\''s format\: tsv, csv or tbx (default\: from its extension).]:format:'
        '--source-language[The source language code in a CSV or TBX glossary.]:code:'
        '--target-language[The target language code in a CSV or TBX glossary (default\: the first other language; en on export).]:code:'
        '--action[What to do with the matches\: mark, substitute or placeholder.]:action:'
        '--format[Output\: text, or jsonl (one JSON object per input line).]:format:'
        '--expand[List every generated form of every entry (with --export\: export every form).]'
        '--export[Write the glossary as deepl, csv or tbx and exit.]:format:'
        '--map[With --action placeholder\: where to write the placeholder map.]:file:'
        '--lossy[Replace invalid UTF-8 with U+FFFD instead of stopping.]'
        '(-o --output)'{-o,--output}'[Write to this file (atomically) instead of standard output.]:file:'
        '*:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_bgtext_translit() {
    local -i ret=1
    local -ar arg_specs=(
        '--system[The system\: streamlined, bgn-1952 or iso9.]:system:'
        '--rules[An ICU transform rule file to run instead of a system.]:file:'
        '--table[A transliteration table of your own, in the format of tables/transliteration/streamlined.txt, instead of the Streamlined System.]:file:'
        '--exceptions[Whole words with fixed Latin forms (CYRILLIC LATIN per line).]:file:'
        '--fallback[Transliterate non-Bulgarian Cyrillic letters too\: iso9, or none (they pass through).]:table:'
        '--engine[The engine for the Streamlined System\: native, or icu (ICU running the same table).]:engine:'
        '--lossy[Replace invalid UTF-8 with U+FFFD instead of stopping.]'
        '--export-rules[Print the system'\''s table as ICU transform rules and exit.]'
        '(-o --output)'{-o,--output}'[Write to this file (atomically) instead of standard output.]:file:'
        '*:file:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_bgtext_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _bgtext ]]; then
    _bgtext "${@}"
else
    compdef _bgtext bgtext
fi
