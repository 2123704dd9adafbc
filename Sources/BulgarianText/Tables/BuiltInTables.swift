/// The data files of the top-level `tables/` folder, compiled into the library.
///
/// The build embeds every file (see `Plugins/EmbedTablesPlugin`), so a copied
/// `bgtext` binary needs nothing beside it. Each capability parses the files
/// it owns; this type only hands out their text.
public enum BuiltInTables {
    /// The paths of all embedded tables, relative to `tables/`, sorted.
    public static var paths: [String] { EmbeddedTables.files.keys.sorted() }

    /// The text of an embedded table, such as `transliteration/streamlined.txt`.
    public static func text(_ path: String) -> String? {
        EmbeddedTables.files[path]
    }

    /// The text of an embedded table that the library itself ships.
    static func required(_ path: String) -> String {
        guard let text = EmbeddedTables.files[path] else {
            preconditionFailure("tables/\(path) is missing from the build")
        }
        return text
    }
}
