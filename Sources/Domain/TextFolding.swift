import Foundation

/// Accent-free, lower-case keys for Vietnamese text: the key used for blocking, search and
/// place-name lookup. `đ`/`Đ` have no Unicode decomposition, so they are mapped to `d` explicitly.
public enum TextFolding {
    /// "Nguyễn  Đức Thắng" → "nguyen duc thang"; "Ea H’leo" → "ea h'leo". Whitespace is collapsed.
    public static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue  // combining diacritical marks
            case 0x0110, 0x0111: append("d", to: &scalars, pendingSpace: &pendingSpace)
            case 0x2018, 0x2019, 0x02BC, 0x0060, 0x00B4: append("'", to: &scalars, pendingSpace: &pendingSpace)
            default:
                if scalar.properties.isWhitespace {
                    pendingSpace = !scalars.isEmpty
                } else {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                        append(lower, to: &scalars, pendingSpace: &pendingSpace)
                    }
                }
            }
        }
        return String(scalars)
    }

    private static func append(_ scalar: Unicode.Scalar, to scalars: inout String.UnicodeScalarView, pendingSpace: inout Bool) {
        if pendingSpace {
            scalars.append(" ")
            pendingSpace = false
        }
        scalars.append(scalar)
    }
}
