/// The `chargecheck` command line: parses arguments, dispatches to a subcommand, returns the exit code.
public enum Chargecheck {
    /// Runs the command line with `arguments` (without the program name) and returns the process exit code.
    public static func main(_ arguments: [String]) -> Int32 {
        print("chargecheck: no commands yet")
        return 0
    }
}
