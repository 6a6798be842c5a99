namespace Xiaobao.Kernel.Paging;

/// <summary>
/// Where a page is read from. Offset paging reads and discards every row before the page, so a page in the back half of
/// a list is read from the list's end instead: in reverse sort order, skipping the rows after it, then turned back.
/// The last page of 100,000 rows then costs what the first one does.
/// </summary>
public readonly record struct PageWindow(bool FromEnd, int Skip, int Take)
{
    /// <param name="total">The number of rows in the whole filtered list, counted before the page is read.</param>
    public static PageWindow For(PageRequest page, int total)
    {
        ArgumentNullException.ThrowIfNull(page);
        var skip = page.Skip;
        var take = Math.Max(0, Math.Min(page.SafeSize, total - skip));
        if (take == 0 || skip + take / 2 <= total / 2)
        {
            return new PageWindow(false, skip, page.SafeSize);
        }

        return new PageWindow(true, total - skip - take, take);
    }

    /// <summary>The request to sort by: the page's own order, or its reverse when reading from the end.</summary>
    public PageRequest SortOf(PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return FromEnd ? page with { Descending = !page.Descending } : page;
    }

    /// <summary>The rows read, in the page's order.</summary>
    public IReadOnlyList<T> InPageOrder<T>(List<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (FromEnd)
        {
            rows.Reverse();
        }

        return rows;
    }
}
