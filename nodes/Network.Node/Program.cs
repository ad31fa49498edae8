using Network.Node.Cli;

return await NodeCli.RunAsync(args, Console.Out, Console.Error);
