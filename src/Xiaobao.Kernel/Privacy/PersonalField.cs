using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace Xiaobao.Kernel.Privacy;

/// <summary>One declared personal field of one entity type, as the <see cref="PersonalAttribute"/> on it says.</summary>
/// <param name="Entity">The entity's CLR type name, e.g. "Customer".</param>
/// <param name="Name">The field as the API names it (camelCase), e.g. "idNumber".</param>
public sealed record PersonalField(
    Type EntityType, string Entity, PropertyInfo Property, string Name, PersonalKind Kind, bool Encrypted, bool Sensitive, PropertyInfo? BlindIndex)
{
    /// <summary>"Customer.IdNumber": what a ciphertext is bound to, so it cannot be moved into another column.</summary>
    public string Id => $"{Entity}.{Property.Name}";

    /// <summary>True for a property that only holds another field's blind index.</summary>
    public bool IsIndex { get; init; }
}

/// <summary>The declaration of an entity type's personal fields, read once from its attributes and cached.</summary>
public static class PersonalFields
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<PersonalField>> s_byType = new();

    /// <summary>Every property of <paramref name="type"/> marked <see cref="PersonalAttribute"/>, in declaration order.</summary>
    public static IReadOnlyList<PersonalField> Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return s_byType.GetOrAdd(type, Read);
    }

    public static IReadOnlyList<PersonalField> Of<TEntity>() => Of(typeof(TEntity));

    /// <summary>The encrypted fields of <paramref name="type"/>: what encryption, masking, reveal and rotation work on.</summary>
    public static IEnumerable<PersonalField> Encrypted(Type type) => Of(type).Where(f => f.Encrypted);

    /// <summary>The encrypted field the API calls <paramref name="name"/>, or null.</summary>
    public static PersonalField? Find(Type type, string? name) =>
        name is null ? null : Encrypted(type).FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public static PersonalField Get<TEntity>(string propertyName) =>
        Of<TEntity>().FirstOrDefault(f => f.Property.Name == propertyName)
        ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{propertyName} is not declared [Personal].");

    private static IReadOnlyList<PersonalField> Read(Type type)
    {
        var fields = new List<PersonalField>();
        var indexes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<PersonalAttribute>(inherit: true) is not { } personal)
            {
                continue;
            }

            if (personal.Encrypted && property.PropertyType != typeof(string))
            {
                throw new InvalidOperationException($"{type.Name}.{property.Name} is declared encrypted but is not a string.");
            }

            PropertyInfo? index = null;
            if (personal.BlindIndex is { } indexName)
            {
                index = type.GetProperty(indexName, BindingFlags.Public | BindingFlags.Instance)
                    ?? throw new InvalidOperationException($"{type.Name}.{property.Name} names blind index {indexName}, which does not exist.");
                indexes.Add(indexName);
            }

            fields.Add(new PersonalField(
                type, type.Name, property, JsonNamingPolicy.CamelCase.ConvertName(property.Name), personal.Kind, personal.Encrypted, personal.Sensitive, index));
        }

        return [.. fields.Select(f => indexes.Contains(f.Property.Name) ? f with { IsIndex = true } : f)];
    }
}
