using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xiaobao.Jobs.Domain;
using Xiaobao.Kernel.Jobs;

namespace Xiaobao.Jobs.Persistence;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.ToTable("job_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.Kind).HasMaxLength(JobServices.MaxNameLength).IsRequired();
        builder.Property(j => j.State).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(j => j.LeaseOwner).HasMaxLength(200);
        builder.Property(j => j.LastError).HasMaxLength(Job.ErrorMaxLength);
        builder.Property(j => j.DeduplicationKey).HasMaxLength(Job.KeyMaxLength);
        builder.Property(j => j.ScheduleName).HasMaxLength(JobServices.MaxNameLength);

        // The claim query's filter and order; the admin list's default order and its kind filter.
        builder.HasIndex(j => new { j.State, j.RunAfter });
        builder.HasIndex(j => j.CreatedAt);
        builder.HasIndex(j => new { j.Kind, j.CreatedAt });
        builder.HasIndex(j => j.DeduplicationKey).IsUnique();
    }
}
