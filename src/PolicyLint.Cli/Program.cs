using McMaster.Extensions.CommandLineUtils;
using PolicyLint.Cli;

return JitCompanion.IsNative && JitCompanion.Needed(args)
    ? JitCompanion.Run(args)
    : PolicyLintCli.Run(args, PhysicalConsole.Singleton, Directory.GetCurrentDirectory());
