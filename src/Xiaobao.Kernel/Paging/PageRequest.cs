namespace Xiaobao.Kernel.Paging;

/// <summary>A page of a server-side sorted list. Page numbers start at 1; the size is clamped to what a list may ask for.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = PageRequest.DefaultSize, string? Sort = null, bool Descending = false)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 200;

    public int SafePage => Math.Max(1, Page);

    public int SafeSize => Math.Clamp(PageSize, 1, MaxSize);

    public int Skip => (SafePage - 1) * SafeSize;

    /// <summary>From a UI table's state: sort direction as the table names it ("ascend"/"descend", or null for unsorted).</summary>
    public static PageRequest FromTable(int pageIndex, int pageSize, string? sortField, string? sortDirection) =>
        new(pageIndex, pageSize, string.IsNullOrEmpty(sortDirection) ? null : sortField, string.Equals(sortDirection, "descend", StringComparison.OrdinalIgnoreCase));
}

/// <summary>One page of results with the total count across all pages.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);
