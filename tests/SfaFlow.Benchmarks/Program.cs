using BenchmarkDotNet.Running;
using SfaFlow.Benchmarks.Runtime;

// "runtime" runs the durable runtime's load harness (Runtime/); anything else goes to BenchmarkDotNet.
if (args is ["runtime", .. var rest])
{
    return await RuntimeHarness.RunAsync(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
