/// Escaping text for XML 1.0 output.
enum XMLText {
    /// Character data: `&`, `<`, `>` escaped. Characters XML 1.0 cannot hold
    /// (C0 controls other than tab, line feed and carriage return; U+FFFE,
    /// U+FFFF) go to `invalid`, which writes them in the format's own way.
    static func escape(_ text: Substring, into output: inout String, invalid: (Unicode.Scalar, inout String) -> Void) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\r": output += "&#13;"
            default:
                if isAllowed(scalar) { output.unicodeScalars.append(scalar) } else { invalid(scalar, &output) }
            }
        }
    }

    /// An attribute value in double quotes: also `"` and line breaks escaped;
    /// characters XML cannot hold become U+FFFD.
    static func attribute(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "\n": output += "&#10;"
            case "\r": output += "&#13;"
            case "\t": output += "&#9;"
            default: output.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return output
    }

    /// Whether XML 1.0 allows the character in a document.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
