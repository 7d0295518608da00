/// Element ids of the HTML report, built from positions (never from station text), so links always resolve and no
/// identity or scenario id can produce an invalid or clashing id.
enum HTMLAnchors {
    static func station(_ station: Int) -> String { "s\(station)" }
    static func scenario(station: Int, scenario: Int) -> String { "s\(station)-sc\(scenario)" }
    static func step(station: Int, scenario: Int, path: [Int]) -> String {
        "s\(station)-sc\(scenario)-st" + path.map(String.init).joined(separator: ".")
    }
    static func frame(station: Int, sequence: Int) -> String { "s\(station)-f\(sequence)" }
}
