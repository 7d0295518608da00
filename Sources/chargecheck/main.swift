import ChargecheckCLI
import Foundation

exit(await Chargecheck.main(Array(CommandLine.arguments.dropFirst())))
