import Foundation
import PackagePlugin

/// Compiles the top-level `tables/` folder into `BulgarianText`, so that a
/// built library or `bgtext` binary needs no data files beside it.
@main
struct EmbedTablesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let tablesDirectory = context.package.directoryURL.appending(path: "tables")
        let inputs = try tableFiles(in: tablesDirectory)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTables.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) files of tables/",
                executable: try context.tool(named: "embed-tables").url,
                arguments: [tablesDirectory.path(), output.path()],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private func tableFiles(in directory: URL) throws -> [URL] {
        guard let enumerator = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey]
        ) else { return [] }
        var files: [URL] = []
        for case let url as URL in enumerator {
            let values = try url.resourceValues(forKeys: [.isRegularFileKey])
            if values.isRegularFile == true, !url.lastPathComponent.hasPrefix(".") {
                files.append(url)
            }
        }
        return files.sorted { $0.path() < $1.path() }
    }
}
