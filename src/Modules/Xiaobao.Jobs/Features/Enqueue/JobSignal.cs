namespace Xiaobao.Jobs.Features.Enqueue;

/// <summary>Wakes this node's runner when a job was committed here, so it does not wait for the next poll.</summary>
internal sealed class JobSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Notify"/>. Take it before looking for work, so a wake during the look is not lost.</summary>
    public Task WaitAsync() => Volatile.Read(ref _next).Task;

    public void Notify() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
