using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.Logging.Abstractions;
using Xiaobao.Customers.Domain;
using Xiaobao.Kernel.Privacy;
using Xiaobao.Privacy.Features.Keys;

namespace Xiaobao.Benchmarks;

/// <summary>One personal field through the real protector: encrypt, decrypt, both, and its blind index (BenchmarkDotNet).</summary>
[MemoryDiagnoser]
public class CryptoBenchmark
{
    private static readonly PersonalField s_mobile = PersonalFields.Get<Customer>(nameof(Customer.Mobile));
    private static readonly PersonalField s_address = PersonalFields.Get<Customer>(nameof(Customer.Address));
    private readonly Guid _record = Guid.CreateVersion7();
    private AesGcmPersonalDataProtector _protector = null!;
    private string _mobileStored = string.Empty;
    private string _addressStored = string.Empty;

    public const string Mobile = "13812345678";
    public const string Address = "广东省深圳市南山区科技园南区深南大道10000号腾讯大厦A座2501室";

    [GlobalSetup]
    public void Setup()
    {
        var ring = new PersonalDataKeyRing(new Dictionary<string, byte[]> { ["k1"] = RandomNumberGenerator.GetBytes(32) }, "k1", RandomNumberGenerator.GetBytes(32), "bench");
        _protector = new AesGcmPersonalDataProtector(ring, NullLogger<AesGcmPersonalDataProtector>.Instance);
        _mobileStored = _protector.Protect(s_mobile, _record, Mobile);
        _addressStored = _protector.Protect(s_address, _record, Address);
    }

    [Benchmark]
    public string EncryptMobile() => _protector.Protect(s_mobile, _record, Mobile);

    [Benchmark]
    public string DecryptMobile() => _protector.Unprotect(s_mobile, _record, _mobileStored);

    [Benchmark(Baseline = true)]
    public string EncryptThenDecryptMobile() => _protector.Unprotect(s_mobile, _record, _protector.Protect(s_mobile, _record, Mobile));

    [Benchmark]
    public string EncryptThenDecryptAddress() => _protector.Unprotect(s_address, _record, _protector.Protect(s_address, _record, Address));

    [Benchmark]
    public string DecryptAddress() => _protector.Unprotect(s_address, _record, _addressStored);

    [Benchmark]
    public string BlindIndexMobile() => _protector.BlindIndex(PersonalKind.Phone, Mobile);

    internal static int Run(BenchOptions options)
    {
        // In process: a generated child project would rebuild the whole host graph, which does not fit BDN's build timeout on 2 busy cores.
        var job = (options.Runs <= 3 ? Job.ShortRun : Job.Default).WithToolchain(InProcessEmitToolchain.Instance);
        var summary = BenchmarkRunner.Run<CryptoBenchmark>(DefaultConfig.Instance.AddJob(job.WithId(options.Runs <= 3 ? "short-inprocess" : "inprocess")));
        return summary.HasCriticalValidationErrors ? 1 : 0;
    }
}
