using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Xiaobao.Privacy.Features.Keys;

/// <summary>
/// Production: keys from configuration or the environment — <c>Privacy:Keys:&lt;id&gt;</c> (base64, 32 bytes each),
/// <c>Privacy:ActiveKey</c>, <c>Privacy:BlindIndexKey</c>. Demo and development, when no key is configured: a key file
/// (<c>Privacy:KeyFile</c>, by default <c>data/xiaobao-keys.json</c> beside the SQLite file) made on first start.
/// </summary>
internal static partial class KeyRingLoader
{
    public const string DefaultKeyFile = "data/xiaobao-keys.json";

    public static PersonalDataKeyRing Load(IConfiguration configuration, string contentRoot, ILogger logger)
    {
        var configured = configuration.GetSection("Privacy:Keys").GetChildren().ToList();
        if (configured.Count > 0)
        {
            var keys = configured.ToDictionary(k => k.Key, k => Decode(k.Value, $"Privacy:Keys:{k.Key}"), StringComparer.Ordinal);
            var active = configuration["Privacy:ActiveKey"] is { Length: > 0 } a
                ? a
                : keys.Count == 1 ? keys.Keys.Single() : throw new InvalidOperationException("Several personal-data keys are configured: set Privacy:ActiveKey to the one new values use.");
            var blind = Decode(configuration["Privacy:BlindIndexKey"], "Privacy:BlindIndexKey");
            return new PersonalDataKeyRing(keys, active, blind, "configuration");
        }

        var path = Path.GetFullPath(Path.Combine(contentRoot, configuration["Privacy:KeyFile"] is { Length: > 0 } file ? file : DefaultKeyFile));
        if (!File.Exists(path) && TryCreate(path))
        {
            Log.KeyFileCreated(logger, path);
        }
        else
        {
            Log.KeyFileInUse(logger, path);
        }

        return Read(path);
    }

    private static byte[] Decode(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException($"{name} is not set: personal-data keys are base64 of 32 random bytes (e.g. `openssl rand -base64 32`).");
        }

        try
        {
            return Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{name} is not base64: personal-data keys are base64 of 32 random bytes.");
        }
    }

    // CreateNew, so two processes starting on the same folder never write two different rings: the loser reads the winner's.
    private static bool TryCreate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var keyId = $"demo-{Convert.ToHexStringLower(PersonalDataKeyRing.NewKey())[..8]}";
        var content = new KeyFile(keyId, new Dictionary<string, string> { [keyId] = Convert.ToBase64String(PersonalDataKeyRing.NewKey()) }, Convert.ToBase64String(PersonalDataKeyRing.NewKey()));
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(path, options);
            JsonSerializer.Serialize(stream, content, s_json);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    private static PersonalDataKeyRing Read(string path)
    {
        KeyFile? file;
        try
        {
            file = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path), s_json);
        }
        catch (JsonException)
        {
            file = null;
        }

        if (file?.Keys is not { Count: > 0 } || file.ActiveKey is null || file.BlindIndexKey is null)
        {
            throw new InvalidOperationException($"The personal-data key file {path} is not readable: restore it from its backup, or configure Privacy:Keys.");
        }

        return new PersonalDataKeyRing(
            file.Keys.ToDictionary(k => k.Key, k => Decode(k.Value, $"{path}: key '{k.Key}'"), StringComparer.Ordinal),
            file.ActiveKey,
            Decode(file.BlindIndexKey, $"{path}: blind-index key"),
            path);
    }

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private sealed record KeyFile(string? ActiveKey, Dictionary<string, string>? Keys, string? BlindIndexKey);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Created the personal-data key file {Path}. It holds the keys of every encrypted personal value: back it up now, keep it apart from database backups, and for production replace it with keys from configuration (Privacy:Keys:<id>, Privacy:ActiveKey, Privacy:BlindIndexKey).")]
        public static partial void KeyFileCreated(ILogger logger, string path);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Personal data is encrypted under the demo key file {Path}. Replace it with keys from configuration for production, and keep a backup: without it the data cannot be read.")]
        public static partial void KeyFileInUse(ILogger logger, string path);
    }
}
