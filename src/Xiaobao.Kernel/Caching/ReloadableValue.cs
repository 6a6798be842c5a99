namespace Xiaobao.Kernel.Caching;

/// <summary>
/// A value built once from the database and kept until <see cref="Invalidate"/> says the data changed: the first caller
/// loads it, concurrent callers wait for that load instead of starting their own.
/// </summary>
public sealed class ReloadableValue<T> : IDisposable
    where T : class
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile T? _value;

    public async ValueTask<T> GetAsync(Func<CancellationToken, Task<T>> load, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (_value is { } value)
        {
            return value;
        }

        await _gate.WaitAsync(ct);
        try
        {
            return _value ??= await load(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _value = null;

    public void Dispose() => _gate.Dispose();
}
