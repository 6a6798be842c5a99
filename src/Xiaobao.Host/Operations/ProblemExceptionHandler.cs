using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Xiaobao.Kernel.Errors;
using Xiaobao.Kernel.Localization;
using Xiaobao.Kernel.Privacy;

namespace Xiaobao.Host.Operations;

/// <summary>Maps every failure to RFC 9457 problem details: bad input 400 with field errors, broken rules 409/422, the rest 500.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        (int status, ProblemDetails problem) = exception switch
        {
            ValidationFailedException v => (StatusCodes.Status400BadRequest, new HttpValidationProblemDetails(v.Errors)
            {
                Title = UiText.Get("Error.FieldsInvalid"),
                Type = "xiaobao:validation",
            }),
            BadHttpRequestException { InnerException: JsonException json } => (StatusCodes.Status400BadRequest, new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [FieldOf(json)] = [UiText.Get("Validation.Json")] })
            {
                Title = UiText.Get("Error.BodyUnreadable"),
                Type = "xiaobao:malformed-json",
            }),
            BadHttpRequestException bad => (bad.StatusCode, new ProblemDetails
            {
                Title = UiText.Get("Error.RequestUnreadable"),
                Detail = bad.Message,
                Type = "xiaobao:bad-request",
            }),
            DomainException d => (d.IsConflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity, new ProblemDetails
            {
                Title = d.Message,
                Type = $"xiaobao:{d.Type}",
            }),
            // Altered, moved or under a missing key: reported as what it is, never shown as text (the protector logged field and record).
            PersonalDataUnreadableException => (StatusCodes.Status500InternalServerError, new ProblemDetails
            {
                Title = UiText.Get("Privacy.Unreadable"),
                Type = "xiaobao:privacy/unreadable",
            }),
            _ => (StatusCodes.Status500InternalServerError, new ProblemDetails { Title = UiText.Get("Error.Unexpected"), Type = "xiaobao:internal" }),
        };

        if (status >= 500)
        {
            LogUnexpected(logger, exception.GetType().FullName ?? exception.GetType().Name, httpContext.TraceIdentifier, exception.StackTrace ?? string.Empty);
        }

        problem.Status = status;
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    // "$.level" → "level", "$.roles[2]" → "roles"; the JSON path is what the caller sent, so it names their field.
    private static string FieldOf(JsonException json)
    {
        var path = json.Path ?? "$";
        var field = path.TrimStart('$', '.');
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        return bracket > 0 ? field[..bracket] : field.Length == 0 ? "body" : field;
    }

    // Logs type, trace id and stack only: exception messages can echo input (a database error quotes the row), which may hold personal data.
    private static readonly Action<ILogger, string, string, string, Exception?> LogUnexpectedMessage =
        LoggerMessage.Define<string, string, string>(LogLevel.Error, new EventId(1, "Unexpected"), "Unexpected {ExceptionType} in request {TraceId} at {StackTrace}");

    private static void LogUnexpected(ILogger logger, string type, string traceId, string stackTrace) => LogUnexpectedMessage(logger, type, traceId, stackTrace, null);
}
