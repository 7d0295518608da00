import Foundation

/// Path arithmetic on paths as the user wrote them, so messages show `scenarios/ev24/x.yaml`, not absolute paths.
enum PathText {
    /// `relative` resolved against the folder of `file`, normalised (`a/./b/../c` → `a/c`).
    static func resolve(_ relative: String, from file: String) -> String {
        if relative.hasPrefix("/") { return normalize(relative) }
        let folder = file.lastIndex(of: "/").map { String(file[..<$0]) } ?? ""
        return normalize(folder.isEmpty ? relative : folder + "/" + relative)
    }

    /// Removes `.` segments and folds `..` into the segment before it where there is one.
    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// The file name without folder and extension: the default id.
    static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// A canonical key for a file (absolute, symbolic links resolved), so one file reached by two paths is loaded once.
    static func key(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (try? FileManager.default.destinationOfSymbolicLink(atPath: absolute)).map { resolve($0, from: absolute) } ?? normalize(absolute)
    }

    /// Whether the path names a YAML file.
    static func isYAML(_ path: String) -> Bool {
        path.hasSuffix(".yaml") || path.hasSuffix(".yml")
    }

    /// Every YAML file under `folder` (recursively), sorted, as paths starting with `folder`; nil when the walk meets
    /// more than `maximumEntries` files and folders.
    static func yamlFiles(under folder: String, maximumEntries: Int) -> [String]? {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        var entries = 0
        while let item = enumerator.nextObject() as? String {
            entries += 1
            if entries > maximumEntries { return nil }
            if isYAML(item) { files.append(normalize(folder + "/" + item)) }
        }
        return files.sorted()
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
