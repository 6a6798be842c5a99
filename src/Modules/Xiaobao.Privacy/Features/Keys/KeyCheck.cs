using Microsoft.EntityFrameworkCore;
using Xiaobao.Privacy.Domain;

namespace Xiaobao.Privacy.Features.Keys;

/// <summary>
/// Run at start-up, before anything is encrypted: every key that encrypted data and is not retired must be in the ring,
/// and the active key is recorded before its first use.
/// </summary>
internal static class KeyCheck
{
    public static async Task RunAsync(IPrivacyDb db, PersonalDataKeyRing ring, TimeProvider clock, CancellationToken ct)
    {
        var used = await db.PersonalDataKeys.ToListAsync(ct);
        if (used.FirstOrDefault(k => k.RetiredAt is null && !ring.TryGet(k.KeyId, out _)) is { } missing)
        {
            throw new InvalidOperationException(
                $"personal data is encrypted under key '{missing.KeyId}' (in use since {missing.FirstUsedAt:yyyy-MM-dd}), which the key ring ({ring.Source}) does not hold. "
                + $"Add it as Privacy:Keys:{missing.KeyId} or restore the key file; a key may leave the ring only after a key rotation has retired it.");
        }

        var active = used.FirstOrDefault(k => k.KeyId == ring.ActiveKeyId);
        if (active is null)
        {
            db.PersonalDataKeys.Add(PersonalDataKeyUse.Start(ring.ActiveKeyId, clock.GetUtcNow()));
        }
        else
        {
            // A retired key made active again will encrypt data again.
            active.Reinstate();
        }

        await db.SaveChangesAsync(ct);
    }
}
