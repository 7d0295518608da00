/// The subcommands of `chargecheck`, in the order `--help` lists them. Add a command here.
public enum CommandRegistry {
    public static let commands: [any Command.Type] = [
        LintCommand.self,
        ListCommand.self,
        RunCommand.self,
        EmulateCommand.self,
        CoverageCommand.self,
        PKICommand.self,
        CheckTraceCommand.self,
    ]
}
