import TwinLabCLI

TwinLabCommand.main()
