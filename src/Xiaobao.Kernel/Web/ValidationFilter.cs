using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Xiaobao.Kernel.Errors;

namespace Xiaobao.Kernel.Web;

/// <summary>
/// Validates every request body that carries data annotations before the handler runs, and answers a 400 problem
/// whose errors are keyed by the JSON (camelCase) field names the caller sent.
/// </summary>
public sealed class ValidationFilter : IEndpointFilter
{
    private static readonly ConcurrentDictionary<Type, bool> s_annotated = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var errors = new FieldErrors();
        foreach (var argument in context.Arguments)
        {
            if (argument is null || !IsAnnotated(argument.GetType()))
            {
                continue;
            }

            var results = new List<ValidationResult>();
            Validator.TryValidateObject(argument, new ValidationContext(argument), results, validateAllProperties: true);
            foreach (var result in results)
            {
                foreach (var member in result.MemberNames.DefaultIfEmpty(string.Empty))
                {
                    errors.Add(JsonNamingPolicy.CamelCase.ConvertName(member), result.ErrorMessage ?? "Invalid value.");
                }
            }
        }

        if (!errors.IsEmpty)
        {
            throw new ValidationFailedException(errors);
        }

        return await next(context);
    }

    private static bool IsAnnotated(Type type) => s_annotated.GetOrAdd(type, t =>
        !t.IsPrimitive && t != typeof(string) && t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Any(p => p.GetCustomAttributes<ValidationAttribute>(inherit: true).Any()));
}
