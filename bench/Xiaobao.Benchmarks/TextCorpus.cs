using System.Text;
using Xiaobao.Kernel.Files;

namespace Xiaobao.Benchmarks;

/// <summary>
/// The benchmark text: sentences of the real clause paragraphs in ../shared/data/clauses-zh plus the Chinese items of
/// the regulator's bulletins, drawn with a fixed seed into paragraphs (one per line) until the size is reached. The same
/// file feeds Xiaobao and python3-jieba, so both cut exactly the same characters.
/// </summary>
internal static class TextCorpus
{
    public static string Build(string sharedData, int targetBytes)
    {
        var sentences = new List<string>();
        foreach (var paragraph in Column(Path.Combine(sharedData, "clauses-zh", "clause_paragraphs_open.csv"), "paragraph"))
        {
            sentences.AddRange(SplitSentences(paragraph));
        }

        sentences.AddRange(Column(Path.Combine(sharedData, "nfra-bulletins", "bulletins_2022Q1_Q2.csv"), "item")
            .Where(i => i.Any(c => c >= '\u4E00')).Distinct(StringComparer.Ordinal).Select(i => i + "。"));

        var random = new Random(20261127);
        var text = new StringBuilder(targetBytes / 2);
        var bytes = 0;
        while (bytes < targetBytes)
        {
            var line = string.Concat(Enumerable.Range(0, random.Next(3, 12)).Select(_ => sentences[random.Next(sentences.Count)]));
            text.Append(line).Append('\n');
            bytes += Encoding.UTF8.GetByteCount(line) + 1;
        }

        return text.ToString(0, text.Length - 1);
    }

    private static IEnumerable<string> SplitSentences(string paragraph)
    {
        var start = 0;
        for (var i = 0; i < paragraph.Length; i++)
        {
            if (paragraph[i] is '。' or '；' or '！' or '？')
            {
                yield return paragraph[start..(i + 1)].Trim();
                start = i + 1;
            }
        }

        if (start < paragraph.Length && paragraph[start..].Trim() is { Length: > 0 } rest)
        {
            yield return rest;
        }
    }

    private static IEnumerable<string> Column(string path, string column)
    {
        var records = CsvRecords.Parse(TextFileDecoder.Decode(File.ReadAllBytes(path))?.Text ?? throw new InvalidOperationException($"{path} is not text."));
        var index = Array.IndexOf(records[0], column);
        return records.Skip(1).Where(r => r.Length > index && !string.IsNullOrWhiteSpace(r[index])).Select(r => r[index]);
    }
}
