namespace Xiaobao.Host;

/// <summary>
/// The host's command line: no command runs the server; "seed-demo" seeds the demo insurer and exits;
/// "audit verify" checks the audit trail's hash chain and exits 0 when intact, 1 when broken.
/// "text segment" and "text check" run the text engine on a file or a text (see TextCli.Usage).
/// "--no-demo" turns the demo off for a real deployment.
/// </summary>
internal sealed record Commands(string? Name, string[] HostArgs, bool NoDemo, string? Error)
{
    private static readonly string[] s_known = ["seed-demo", "audit verify", "text segment", "text check"];

    public static Commands Parse(string[] args)
    {
        var noDemo = args.Contains("--no-demo");
        var rest = args.Where(a => a != "--no-demo").ToArray();
        if (rest.Length > 0 && !rest[0].StartsWith('-') && !rest[0].Contains('='))
        {
            // A command is one word, or two when its first word groups several ("audit verify").
            if (rest.Length > 1 && s_known.Contains($"{rest[0]} {rest[1]}"))
            {
                return new Commands($"{rest[0]} {rest[1]}", rest[2..], noDemo, null);
            }

            return s_known.Contains(rest[0])
                ? new Commands(rest[0], rest[1..], noDemo, null)
                : new Commands(null, rest, noDemo, $"xiaobao: unknown command '{rest[0]}' (known: {string.Join(", ", s_known)})");
        }

        return new Commands(null, rest, noDemo, null);
    }
}
