using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Xiaobao.Customers.Domain;

namespace Xiaobao.Customers.Persistence;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("cus_customers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.CustomerNumber).HasMaxLength(Customer.NumberMaxLength).IsRequired();
        builder.HasIndex(c => c.CustomerNumber).IsUnique();
        builder.HasIndex(c => new { c.UpdatedAt, c.Id });
        builder.Property(c => c.OrganisationPath).HasMaxLength(400).IsRequired();
        builder.Property(c => c.Gender).HasConversion<int>();
        builder.Property(c => c.Care).HasConversion<int>();

        // Blind indexes: base64 of HMAC-SHA256, looked up by equality only.
        builder.Property(c => c.IdNumberIndex).HasMaxLength(44);
        builder.HasIndex(c => c.IdNumberIndex);
        builder.Property(c => c.MobileIndex).HasMaxLength(44);
        builder.HasIndex(c => c.MobileIndex);
        builder.Ignore(c => c.IsErased);
    }
}
