using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Localization;

namespace Xiaobao.Kernel.Web;

/// <summary>
/// Validates every request body that carries data annotations before the handler runs, and answers a 400 problem
/// whose errors are keyed by the JSON (camelCase) field names the caller sent.
/// </summary>
/// <remarks>
/// The attributes only decide whether a value is valid; the message comes from the UI strings by attribute kind, so it
/// follows the request's language and the attributes' built-in English messages never reach a user.
/// </remarks>
public sealed class ValidationFilter : IEndpointFilter
{
    private static readonly ConcurrentDictionary<Type, AnnotatedProperty[]> s_annotated = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var errors = new FieldErrors();
        foreach (var argument in context.Arguments)
        {
            if (argument is not null)
            {
                Validate(argument, errors);
            }
        }

        if (!errors.IsEmpty)
        {
            throw new ValidationFailedException(errors);
        }

        return await next(context);
    }

    private static void Validate(object instance, FieldErrors errors)
    {
        var properties = s_annotated.GetOrAdd(instance.GetType(), Annotate);
        if (properties.Length == 0)
        {
            return;
        }

        var context = new ValidationContext(instance);
        foreach (var property in properties)
        {
            var value = property.Property.GetValue(instance);
            context.MemberName = property.Property.Name;
            context.DisplayName = property.Property.Name;
            var field = JsonNamingPolicy.CamelCase.ConvertName(property.Property.Name);

            // As Validator does: a missing required value is the only error worth reporting for that field.
            if (property.Required is { } required && required.GetValidationResult(value, context) is not null)
            {
                errors.Add(field, Message(required));
                continue;
            }

            foreach (var attribute in property.Others)
            {
                if (attribute.GetValidationResult(value, context) is not null)
                {
                    errors.Add(field, Message(attribute));
                }
            }
        }
    }

    /// <summary>The message for a failed attribute in the request's language.</summary>
    public static string Message(ValidationAttribute attribute) => attribute switch
    {
        RequiredAttribute => UiText.Get("Validation.Required"),
        StringLengthAttribute { MinimumLength: > 0 } s => UiText.Format("Validation.Length", s.MinimumLength, s.MaximumLength),
        StringLengthAttribute s => UiText.Format("Validation.MaxLength", s.MaximumLength),
        MaxLengthAttribute m => UiText.Format("Validation.MaxLength", m.Length),
        MinLengthAttribute m => UiText.Format("Validation.MinLength", m.Length),
        LengthAttribute l => UiText.Format("Validation.Length", l.MinimumLength, l.MaximumLength),
        RegularExpressionAttribute => UiText.Get("Validation.Pattern"),
        RangeAttribute r => UiText.Format("Validation.Range", r.Minimum, r.Maximum),
        _ => UiText.Get("Validation.Invalid"),
    };

    private static AnnotatedProperty[] Annotate(Type type)
    {
        if (type.IsPrimitive || type == typeof(string))
        {
            return [];
        }

        return [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => (Property: p, Attributes: p.GetCustomAttributes<ValidationAttribute>(inherit: true).ToList()))
            .Where(p => p.Attributes.Count > 0)
            .Select(p => new AnnotatedProperty(
                p.Property,
                p.Attributes.OfType<RequiredAttribute>().FirstOrDefault(),
                [.. p.Attributes.Where(a => a is not RequiredAttribute)]))];
    }

    private sealed record AnnotatedProperty(PropertyInfo Property, RequiredAttribute? Required, ValidationAttribute[] Others);
}
