using Xiaobao.Kernel.Localization;

namespace Xiaobao.Organisations.Features.ImportOrganisations;

/// <summary>Why an uploaded file could not be read as rows; stable so the UI can localise it.</summary>
internal enum OrganisationFileProblem
{
    Unknown = 0,
    Empty,
    TooLarge,
    NotSpreadsheet,
    UnreadableWorkbook,
    MalformedCsv,
    MissingColumns,
    DuplicateColumn,
    NoDataRows,
    TooManyRows,
}

/// <summary>The uploaded file is not a CSV or XLSX we can read as organisation rows. Maps to a 400 problem.</summary>
internal sealed class OrganisationFileException : Exception
{
    public OrganisationFileException(OrganisationFileProblem problem, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
    }

    public OrganisationFileException()
        : this(OrganisationFileProblem.Unknown, UiText.Get("Error.File.Unreadable"))
    {
    }

    public OrganisationFileException(string message)
        : this(OrganisationFileProblem.Unknown, message)
    {
    }

    public OrganisationFileException(string message, Exception innerException)
        : this(OrganisationFileProblem.Unknown, message, innerException)
    {
    }

    public OrganisationFileProblem Problem { get; }

    /// <summary>Canonical names of the required columns the header lacks, for <see cref="OrganisationFileProblem.MissingColumns"/>.</summary>
    public IReadOnlyList<string> MissingColumns { get; init; } = [];
}
