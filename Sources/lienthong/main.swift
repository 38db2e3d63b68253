import Foundation
import LienThongCLI

exit(LienThong.run(Array(CommandLine.arguments.dropFirst())))
