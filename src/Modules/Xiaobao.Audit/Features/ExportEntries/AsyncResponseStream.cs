namespace Xiaobao.Audit.Features.ExportEntries;

/// <summary>
/// Lets a writer that ends with synchronous writes feed a response body that allows only asynchronous I/O. MiniExcel
/// writes an xlsx package asynchronously until it disposes it: then its sheet writer flushes its last buffer (at most
/// 512 K characters of XML, compressed) and the zip archive writes its central directory, both synchronously. Those
/// bytes are held here and sent by the next asynchronous write or flush, instead of blocking a thread on the network.
/// </summary>
/// <remarks>
/// The tail is bounded by MiniExcel's buffer, not by the export's size. Holding more than <see cref="MaxHeldBytes"/>
/// would mean a writer has started writing its data synchronously; that fails loudly rather than buffering an export.
/// </remarks>
internal sealed class AsyncResponseStream(Stream inner) : Stream
{
    public const int MaxHeldBytes = 4 * 1024 * 1024;

    private readonly MemoryStream _held = new();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_held.Length + buffer.Length > MaxHeldBytes)
        {
            throw new InvalidOperationException($"More than {MaxHeldBytes} bytes were written synchronously to an asynchronous response.");
        }

        _held.Write(buffer);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await ReleaseAsync(cancellationToken);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Nothing can be sent synchronously; held bytes go out with the next FlushAsync.
    public override void Flush()
    {
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await ReleaseAsync(cancellationToken);
        await inner.FlushAsync(cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _held.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask ReleaseAsync(CancellationToken cancellationToken)
    {
        if (_held.Length == 0)
        {
            return;
        }

        await inner.WriteAsync(_held.GetBuffer().AsMemory(0, (int)_held.Length), cancellationToken);
        _held.SetLength(0);
    }
}
