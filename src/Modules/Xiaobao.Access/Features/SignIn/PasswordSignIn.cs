using Microsoft.AspNetCore.Identity;
using Xiaobao.Access.Domain;
using Xiaobao.Kernel.Auditing;
using Xiaobao.Kernel.Scoping;

namespace Xiaobao.Access.Features.SignIn;

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
}

/// <summary>
/// Checks a user name and password for both the sign-in page and the token endpoint: lockout counts, inactive users
/// refused with the same generic answer as a wrong password, every attempt recorded (and in the audit trail).
/// </summary>
public sealed class PasswordSignIn(SignInManager<XiaobaoUser> signInManager, IAccessDb db, IDataScope scope, TimeProvider clock, IAuditLog audit)
{
    public async Task<(SignInOutcome Outcome, XiaobaoUser? User)> CheckAsync(string userName, string password, string method, CancellationToken ct)
    {
        // Nobody is signed in yet, so the user must be found outside any organisation scope.
        using var system = scope.RunAsSystem();
        var user = await signInManager.UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            // The attempted name is the only trace of who tried; nobody but system scope sees it.
            await audit.RecordAsync(
                new AuditEvent(AuditActions.SignInFailed, nameof(XiaobaoUser), null, Details(method, "unknown-user"), Actor: new ActorSnapshot(ActorKind.User, null, userName, null, null)),
                ct);
            return (SignInOutcome.Failed, null);
        }

        var result = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        var outcome = result.Succeeded && user.IsActive ? SignInOutcome.Succeeded
            : result.IsLockedOut ? SignInOutcome.LockedOut
            : SignInOutcome.Failed;
        var now = clock.GetUtcNow();
        db.SignIns.Add(SignInRecord.For(user, now, outcome == SignInOutcome.Succeeded, method));
        if (outcome == SignInOutcome.Succeeded)
        {
            user.LastSignInAt = now;
        }

        audit.Add(new AuditEvent(
            outcome == SignInOutcome.Succeeded ? AuditActions.SignedIn : AuditActions.SignInFailed,
            nameof(XiaobaoUser),
            user.Id.ToString(),
            Details(method, outcome.ToString()),
            user.OrganisationId,
            user.OrganisationPath,
            new ActorSnapshot(ActorKind.User, user.Id, user.UserName ?? string.Empty, user.OrganisationId, user.OrganisationPath)));
        await db.SaveChangesAsync(ct);
        return (outcome, outcome == SignInOutcome.Succeeded ? user : null);
    }

    private static Dictionary<string, object?> Details(string method, string outcome) => new(StringComparer.Ordinal)
    {
        ["method"] = method,
        ["outcome"] = outcome,
    };
}
