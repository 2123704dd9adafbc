/// bgtext: Bulgarian text prepared for translation.
///
/// The library's capabilities, each in its own folder:
/// - `Transliterator`: Bulgarian Cyrillic to Latin (the Streamlined System and others);
/// - `Segmenter`: sentences, by ICU's break iterator with Bulgarian rules;
/// - `BuiltInTables`: the data of `tables/`, compiled in.
public enum BulgarianText {
    /// The version of bgtext.
    public static let version = "0.1.0"
}
