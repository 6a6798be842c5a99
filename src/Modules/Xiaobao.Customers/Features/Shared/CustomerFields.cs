using Xiaobao.Customers.Domain;
using Xiaobao.Kernel.Privacy;

namespace Xiaobao.Customers.Features.Shared;

/// <summary>The customer's declared personal fields, looked up once from the declaration on <see cref="Customer"/>.</summary>
internal static class CustomerFields
{
    public static readonly PersonalField Name = PersonalFields.Get<Customer>(nameof(Customer.Name));
    public static readonly PersonalField BirthDate = PersonalFields.Get<Customer>(nameof(Customer.BirthDate));
    public static readonly PersonalField IdNumber = PersonalFields.Get<Customer>(nameof(Customer.IdNumber));
    public static readonly PersonalField Mobile = PersonalFields.Get<Customer>(nameof(Customer.Mobile));
    public static readonly PersonalField Email = PersonalFields.Get<Customer>(nameof(Customer.Email));
    public static readonly PersonalField Address = PersonalFields.Get<Customer>(nameof(Customer.Address));
    public static readonly PersonalField BankAccount = PersonalFields.Get<Customer>(nameof(Customer.BankAccount));
    public static readonly PersonalField Notes = PersonalFields.Get<Customer>(nameof(Customer.Notes));
}
