import Foundation

/// Writes `text` to a new file in a fresh temporary directory and returns its path.
func writeTemporaryFile(_ text: String, name: String = "test.yaml") throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}
