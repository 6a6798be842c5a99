using Microsoft.AspNetCore.Identity;
using Xiaobao.Access.Domain;
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
/// refused with the same generic answer as a wrong password, every attempt recorded.
/// </summary>
public sealed class PasswordSignIn(SignInManager<XiaobaoUser> signInManager, IAccessDb db, IDataScope scope, TimeProvider clock)
{
    public async Task<(SignInOutcome Outcome, XiaobaoUser? User)> CheckAsync(string userName, string password, string method, CancellationToken ct)
    {
        // Nobody is signed in yet, so the user must be found outside any organisation scope.
        using var system = scope.RunAsSystem();
        var user = await signInManager.UserManager.FindByNameAsync(userName);
        if (user is null)
        {
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

        await db.SaveChangesAsync(ct);
        return (outcome, outcome == SignInOutcome.Succeeded ? user : null);
    }
}
