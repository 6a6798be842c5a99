using Xiaobao.Benchmarks;

var options = BenchOptions.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync(BenchOptions.Usage);
    return 2;
}

return options.Command switch
{
    "startup" => await StartupBenchmark.RunAsync(options),
    "listing" => await ListingBenchmark.RunAsync(options),
    "crypto" => CryptoBenchmark.Run(options),
    "lookup" => await LookupBenchmark.RunAsync(options),
    "text" => await TextBenchmark.RunAsync(options),
    "audit-append" => await AuditAppendBenchmark.RunAsync(options),
    "audit-volume" => await AuditVolumeBenchmark.RunAsync(options),
    _ => 2,
};
