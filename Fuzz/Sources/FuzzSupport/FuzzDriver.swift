#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// One fuzz input: the bytes libFuzzer generated (or a replayed file held).
public typealias FuzzInput = UnsafeRawBufferPointer

/// Runs a fuzz target: under libFuzzer (built with `-DFUZZING`) hands `body` to the fuzzing engine; in a plain build
/// replays each file (or every file in each folder) named on the command line once, printing what it ran.
///
/// `body` must return normally for every input; the engine reports a crash, a sanitizer finding, a hang
/// (`-timeout`) or a memory blow-up (`-rss_limit_mb`) as a failure.
public enum FuzzDriver {
    public static func main(_ body: @escaping (FuzzInput) -> Void) -> Never {
        FuzzTarget.body = body
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
        #else
        exit(replay(Array(CommandLine.arguments.dropFirst()), body) ? 0 : 1)
        #endif
    }

    /// Runs `body` once per file; false when a path could not be read.
    private static func replay(_ paths: [String], _ body: (FuzzInput) -> Void) -> Bool {
        guard !paths.isEmpty else {
            print("usage: \(CommandLine.arguments.first ?? "fuzz-target") FILE-OR-FOLDER...  (replays each input once)")
            return false
        }
        var runs = 0
        for path in paths {
            for file in files(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    print("cannot read \(file)")
                    return false
                }
                data.withUnsafeBytes(body)
                runs += 1
            }
        }
        print("replayed \(runs) input\(runs == 1 ? "" : "s") without a crash")
        return true
    }

    /// The path itself, or the regular files directly inside it when it is a folder (sorted).
    private static func files(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [path] }
        return names.sorted().map { path + "/" + $0 }.filter { file in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }
}

/// The body libFuzzer's C callback forwards to. Written once in `FuzzDriver.main` before the engine starts and read
/// only from the engine's single fuzzing thread afterwards, hence the `nonisolated(unsafe)`.
enum FuzzTarget {
    nonisolated(unsafe) static var body: ((FuzzInput) -> Void)?
}

#if FUZZING
/// The callback libFuzzer's own `main` would call; the linker pulls that `main` in with libFuzzer and needs this
/// symbol, but the program starts in the target's `main`, which hands ``FuzzTarget/body`` to `LLVMFuzzerRunDriver`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let body = FuzzTarget.body else { fatalError("libFuzzer's main ran instead of the target's") }
    body(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}

/// libFuzzer's entry point for a program that has its own `main` (SwiftPM executables always do).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif
