import Foundation
import OCPP

/// What a figure was measured on: cores, memory, system and build configuration.
struct MachineFacts: Sendable {
    var cores: Int
    var memoryMiB: Int
    var system: String
    var build: String

    /// The facts of this machine and this binary.
    static func current() -> MachineFacts {
        #if DEBUG
        let build = "debug"
        #else
        let build = "release"
        #endif
        return MachineFacts(cores: ProcessInfo.processInfo.activeProcessorCount,
                            memoryMiB: Int(ProcessInfo.processInfo.physicalMemory / 1_048_576),
                            system: operatingSystem(), build: build)
    }

    /// `PRETTY_NAME` from `/etc/os-release`, else the kernel's version string.
    private static func operatingSystem() -> String {
        if let release = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8),
           let line = release.split(separator: "\n").first(where: { $0.hasPrefix("PRETTY_NAME=") }) {
            return line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return ProcessInfo.processInfo.operatingSystemVersionString
    }

    var json: JSONValue {
        ["cores": .integer(cores), "memoryMiB": .integer(memoryMiB), "system": .string(system), "build": .string(build)]
    }

    /// One line for the human table.
    var summary: String {
        "\(cores) cores, \(memoryMiB.formatted()) MiB, \(system), \(build) build"
    }
}
