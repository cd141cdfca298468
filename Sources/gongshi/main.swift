import GongshiCLI

// The commands live in GongshiCLI (testable without spawning this program).
await GongshiCommand.runFromCommandLine()
