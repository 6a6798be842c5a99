namespace Xiaobao.Kernel.Auditing;

/// <summary>Who acts: a signed-in user, an integrating system's API key, Xiaobao itself, or nobody known yet.</summary>
public enum ActorKind
{
    System,
    User,
    ApiKey,
    Anonymous,
}

/// <summary>The actor as the audit trail records it, with the organisation it belongs to (none for system work).</summary>
public sealed record ActorSnapshot(ActorKind Kind, Guid? Id, string Name, Guid? OrganisationId, string? OrganisationPath)
{
    public static ActorSnapshot System { get; } = new(ActorKind.System, null, "system", null, null);

    public static ActorSnapshot Anonymous { get; } = new(ActorKind.Anonymous, null, "anonymous", null, null);

    /// <summary>The stable name stored in the trail.</summary>
    public string KindCode => Kind switch
    {
        ActorKind.User => "user",
        ActorKind.ApiKey => "apikey",
        ActorKind.Anonymous => "anonymous",
        _ => "system",
    };
}

/// <summary>The actor of the current request, circuit or job. Unless the host says otherwise, the work is the system's.</summary>
public interface ICurrentActor
{
    ActorSnapshot Actor { get; }
}

/// <summary>The scoped, settable <see cref="ICurrentActor"/>; only the host sets it.</summary>
public sealed class CurrentActor : ICurrentActor
{
    public ActorSnapshot Actor { get; private set; } = ActorSnapshot.System;

    public void Set(ActorSnapshot actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Actor = actor;
    }
}
