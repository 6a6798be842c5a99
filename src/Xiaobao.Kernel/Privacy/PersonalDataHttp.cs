using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Xiaobao.Kernel.Localization;

namespace Xiaobao.Kernel.Privacy;

/// <summary>The HTTP answer to a reveal, shared by every endpoint that offers one.</summary>
public static class PersonalDataHttp
{
    public static Results<Ok<RevealedValue>, NotFound, ProblemHttpResult> ToHttp(RevealResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            RevealOutcome.Revealed => TypedResults.Ok(result.Revealed!),
            RevealOutcome.Forbidden => TypedResults.Problem(
                title: UiText.Get("Privacy.RevealForbidden"), statusCode: StatusCodes.Status403Forbidden, type: "xiaobao:privacy/reveal-forbidden"),
            _ => TypedResults.NotFound(),
        };
    }
}
