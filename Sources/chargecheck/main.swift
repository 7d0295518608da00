import ChargecheckCLI
import Foundation

exit(Chargecheck.main(Array(CommandLine.arguments.dropFirst())))
