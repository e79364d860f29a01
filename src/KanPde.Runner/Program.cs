Console.WriteLine("kanpde");
