using Xiaobao.Organisations.Domain;

namespace Xiaobao.Organisations.Features.ImportOrganisations;

/// <summary>What the planner needs to know about an organisation already in the system.</summary>
internal sealed record ExistingOrganisation(Guid Id, string Code, string? ParentCode, OrganisationLevel Level);
