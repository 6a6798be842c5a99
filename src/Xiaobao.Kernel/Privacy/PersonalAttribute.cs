namespace Xiaobao.Kernel.Privacy;

/// <summary>
/// Marks a property that holds personal information. The audit trail records that such a property changed, never its
/// values; masking, export and erasure will read the same marker.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class PersonalAttribute : Attribute;
