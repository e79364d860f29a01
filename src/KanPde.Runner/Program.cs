using KanPde.Runner;

return KanPdeApp.Run(args, Console.Out, Console.Error);
