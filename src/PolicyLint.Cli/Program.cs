using McMaster.Extensions.CommandLineUtils;
using PolicyLint.Cli;

return PolicyLintCli.Run(args, PhysicalConsole.Singleton, Directory.GetCurrentDirectory());
