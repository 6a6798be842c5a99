using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xiaobao.Kernel.Paging;

namespace Xiaobao.UnitTests.Paging;

public class PageWindowTests
{
    [Fact]
    public void For_FirstPage_ReadsFromTheStart()
    {
        var window = PageWindow.For(new PageRequest(1, 20), 100_000);

        Assert.Equal(new PageWindow(false, 0, 20), window);
    }

    [Fact]
    public void For_LastPage_ReadsTheFirstRowsOfTheReversedList()
    {
        var window = PageWindow.For(new PageRequest(5000, 20), 100_000);

        Assert.Equal(new PageWindow(true, 0, 20), window);
    }

    [Fact]
    public void For_ShortLastPage_TakesOnlyTheRowsLeft()
    {
        var window = PageWindow.For(new PageRequest(3, 20), 45);

        Assert.Equal(new PageWindow(true, 0, 5), window);
    }

    [Fact]
    public void For_PageBeyondTheEnd_ReadsForwardsAndFindsNothing()
    {
        var window = PageWindow.For(new PageRequest(9, 20), 45);

        Assert.Equal(new PageWindow(false, 160, 20), window);
    }

    [Fact]
    public void SortOf_FromEnd_ReversesTheDirection()
    {
        var page = new PageRequest(5000, 20, "displayName", Descending: false);

        Assert.True(PageWindow.For(page, 100_000).SortOf(page).Descending);
    }

    // Whichever end a page is read from, it holds the same rows in the same order as plain offset paging would.
    [Property]
    public Property For_AnyPage_YieldsTheRowsOfOffsetPaging(PositiveInt total, PositiveInt pageNumber, PositiveInt size)
    {
        var rows = Enumerable.Range(0, total.Get % 500).ToList();
        var page = new PageRequest(pageNumber.Get % 40 + 1, size.Get % 30 + 1);
        var expected = rows.Skip(page.Skip).Take(page.SafeSize).ToList();

        var window = PageWindow.For(page, rows.Count);
        var ordered = window.FromEnd ? Enumerable.Reverse(rows) : rows;
        var actual = window.InPageOrder(ordered.Skip(window.Skip).Take(window.Take).ToList());

        return (expected.SequenceEqual(actual) && window.Skip >= 0 && window.Take >= 0).ToProperty();
    }
}
