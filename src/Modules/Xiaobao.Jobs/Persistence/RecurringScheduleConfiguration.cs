using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xiaobao.Jobs.Domain;
using Xiaobao.Kernel.Jobs;

namespace Xiaobao.Jobs.Persistence;

internal sealed class RecurringScheduleConfiguration : IEntityTypeConfiguration<RecurringSchedule>
{
    public void Configure(EntityTypeBuilder<RecurringSchedule> builder)
    {
        builder.ToTable("job_schedules");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(JobServices.MaxNameLength);
        builder.Property(s => s.Kind).HasMaxLength(JobServices.MaxNameLength).IsRequired();
        builder.Property(s => s.Cron).HasMaxLength(100).IsRequired();
        builder.Property(s => s.TimeZone).HasMaxLength(64).IsRequired();
        builder.Property(s => s.LastOutcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.LastError).HasMaxLength(Job.ErrorMaxLength);
    }
}
