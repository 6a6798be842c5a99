using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xiaobao.Calendar.Domain;
using Xiaobao.Kernel.Calendar;

namespace Xiaobao.Calendar.Persistence;

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.ToTable("cal_days");
        builder.HasKey(d => d.Date);
        builder.HasIndex(d => d.Year);
        builder.Property(d => d.Kind).HasConversion(k => CalendarDayKindCodes.ToCode(k), c => Parse(c)).HasMaxLength(20);
        builder.Property(d => d.Name).HasMaxLength(CalendarDay.NameMaxLength).IsRequired();
        builder.Property(d => d.Source).HasMaxLength(CalendarDay.SourceMaxLength).IsRequired();
    }

    private static CalendarDayKind Parse(string code) =>
        CalendarDayKindCodes.TryParse(code, out var kind) && kind is { } k ? k : throw new InvalidOperationException($"Unknown calendar day kind '{code}'.");
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> builder)
    {
        builder.ToTable("cal_years");
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
        builder.Property(y => y.Version).HasMaxLength(50).IsRequired();
    }
}
