import Domain
import YAML

/// A mapping file as JSON text, for JSON Schema validation (`Schemas/mapping.schema.json`) and tooling.
public enum MappingFileJSON {
    /// Reads the YAML file at `path` and returns it as JSON. With `editorTyping` plain scalars are typed
    /// as an editor's YAML 1.2 validator would (`true`, `12`); without it every scalar is a string.
    public static func jsonText(path: String, editorTyping: Bool = true) throws -> String {
        do {
            return try YAMLParser.parse(contentsOf: path).jsonText(scalars: editorTyping ? .core : .strings)
        } catch {
            throw DiagnosticList(error.errors.map(Diagnostic.init))
        }
    }
}
