using System.Text;
using MiniExcelLibs;
using Xiaobao.Organisations.Features.ImportOrganisations;

namespace Xiaobao.UnitTests.Organisations;

// These tests read English message text; the messages follow the UI culture.
[UseUiCulture("en")]
public sealed class OrganisationFileReaderTests
{
    private const string EnglishCsv =
        "code,name_zh,name_en,level,parent_code,active\n" +
        "HQ,总公司,Head Office,HeadOffice,,\n" +
        "GD,广东分公司,Guangdong Branch,2,HQ,是\n";

    [Fact]
    public void Read_Utf8CsvWithoutBom_ReturnsRowsNumberedFromTwo()
    {
        var rows = Read(Encoding.UTF8.GetBytes(EnglishCsv), "orgs.csv");

        Assert.Equal(2, rows.Count);
        Assert.Equal(new OrganisationImportRow(2, "HQ", "总公司", "Head Office", "HeadOffice", null, null), rows[0]);
        Assert.Equal(new OrganisationImportRow(3, "GD", "广东分公司", "Guangdong Branch", "2", "HQ", "是"), rows[1]);
    }

    [Fact]
    public void Read_Utf8CsvWithBom_RecognisesFirstHeader()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(EnglishCsv)).ToArray();

        var rows = Read(bytes, "orgs.csv");

        Assert.Equal("HQ", rows[0].Code);
        Assert.Equal("GD", rows[1].Code);
    }

    [Fact]
    public void Read_Gb18030CsvWithChineseHeaders_DecodesChinese()
    {
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
        var csv = "机构代码,机构名称,英文名称,级别,上级机构代码,是否启用\r\nSZ,深圳中心支公司,Shenzhen,中心支公司,GD,否\r\n";

        var rows = Read(gb18030.GetBytes(csv), "机构.csv");

        var row = Assert.Single(rows);
        Assert.Equal(new OrganisationImportRow(2, "SZ", "深圳中心支公司", "Shenzhen", "中心支公司", "GD", "否"), row);
    }

    [Fact]
    public void Read_ChineseHeadersAnyCaseAndPadding_MapsColumns()
    {
        var csv = " 编码 ,中文名称,层级,上级编码,启用, NAME_EN \nBJ,北京分公司,分公司,HQ,Y,Beijing\n";

        var row = Assert.Single(Read(Encoding.UTF8.GetBytes(csv), "orgs.csv"));

        Assert.Equal(new OrganisationImportRow(2, "BJ", "北京分公司", "Beijing", "分公司", "HQ", "Y"), row);
    }

    [Fact]
    public void Read_QuotedFieldsWithCommasQuotesAndNewlines_KeepsValuesAndExcelRowNumbers()
    {
        var csv =
            "code,name_zh,name_en,level,parent_code\r\n" +
            "HQ,\"总公司, 本部\",\"The \"\"Head\"\" Office\",1,\r\n" +
            "GD,广东分公司,\"Guangdong\r\nBranch\",2,HQ\r\n" +
            "\r\n" +
            "SZ,深圳中心支公司,Shenzhen,3,GD";

        var rows = Read(Encoding.UTF8.GetBytes(csv), "orgs.csv");

        Assert.Equal(3, rows.Count);
        Assert.Equal("总公司, 本部", rows[0].NameZh);
        Assert.Equal("The \"Head\" Office", rows[0].NameEn);
        Assert.Equal("Guangdong\r\nBranch", rows[1].NameEn);
        Assert.Equal([2, 3, 5], rows.Select(r => r.RowNumber));
        Assert.Equal("SZ", rows[2].Code);
    }

    [Fact]
    public void Read_TabSeparatedUtf16_ReadsRows()
    {
        var text = "code\tname_zh\tlevel\nHQ\t总公司\t1\n";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        var row = Assert.Single(Read(bytes, "orgs.txt"));

        Assert.Equal(new OrganisationImportRow(2, "HQ", "总公司", null, "1", null, null), row);
    }

    [Fact]
    public void Read_UnterminatedQuote_ThrowsMalformedCsv()
    {
        var csv = "code,name_zh,level\nHQ,\"总公司,1\nGD,广东,2\n";

        var ex = Assert.Throws<OrganisationFileException>(() => Read(Encoding.UTF8.GetBytes(csv), "orgs.csv"));

        Assert.Equal(OrganisationFileProblem.MalformedCsv, ex.Problem);
        Assert.Contains("Row 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_XlsxNamedCsv_ReadsFirstSheetByContent()
    {
        var bytes = Xlsx(
            new Dictionary<string, object?> { ["机构代码"] = "HQ", ["机构名称"] = "总公司", ["层级"] = 1, ["上级编码"] = null, ["启用"] = true },
            new Dictionary<string, object?> { ["机构代码"] = 101, ["机构名称"] = "广东分公司", ["层级"] = "ProvincialBranch", ["上级编码"] = "HQ", ["启用"] = "否" });

        var rows = Read(bytes, "mislabelled.csv");

        Assert.Equal(2, rows.Count);
        Assert.Equal(new OrganisationImportRow(2, "HQ", "总公司", null, "1", null, "True"), rows[0]);
        Assert.Equal(new OrganisationImportRow(3, "101", "广东分公司", null, "ProvincialBranch", "HQ", "否"), rows[1]);
    }

    [Fact]
    public void Read_XlsxWithBlankRow_KeepsSheetRowNumbers()
    {
        var bytes = Xlsx(
            new Dictionary<string, object?> { ["code"] = "HQ", ["name_zh"] = "总公司", ["level"] = "1" },
            new Dictionary<string, object?> { ["code"] = null, ["name_zh"] = null, ["level"] = null },
            new Dictionary<string, object?> { ["code"] = "GD", ["name_zh"] = "广东分公司", ["level"] = "2" });

        var rows = Read(bytes, "orgs.xlsx");

        Assert.Equal([2, 4], rows.Select(r => r.RowNumber));
    }

    [Fact]
    public void Read_PdfNamedXlsx_ThrowsNotSpreadsheet()
    {
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");

        var ex = Assert.Throws<OrganisationFileException>(() => Read(bytes, "orgs.xlsx"));

        Assert.Equal(OrganisationFileProblem.NotSpreadsheet, ex.Problem);
    }

    [Fact]
    public void Read_EmptyFile_ThrowsEmpty()
    {
        var ex = Assert.Throws<OrganisationFileException>(() => Read([], "orgs.csv"));

        Assert.Equal(OrganisationFileProblem.Empty, ex.Problem);
    }

    [Fact]
    public void Read_RandomBytes_ThrowsNotSpreadsheet()
    {
        var bytes = new byte[4096];
        new Random(20240601).NextBytes(bytes);

        var ex = Assert.Throws<OrganisationFileException>(() => Read(bytes, "orgs.csv"));

        Assert.Equal(OrganisationFileProblem.NotSpreadsheet, ex.Problem);
    }

    [Fact]
    public void Read_ZipThatIsNotAWorkbook_ThrowsUnreadableWorkbook()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            entry.Write("hello");
        }

        var ex = Assert.Throws<OrganisationFileException>(() => Read(buffer.ToArray(), "orgs.xlsx"));

        Assert.Equal(OrganisationFileProblem.UnreadableWorkbook, ex.Problem);
    }

    [Fact]
    public void Read_MissingRequiredColumns_ListsThem()
    {
        var csv = "code,name_en,parent_code\nHQ,Head Office,\n";

        var ex = Assert.Throws<OrganisationFileException>(() => Read(Encoding.UTF8.GetBytes(csv), "orgs.csv"));

        Assert.Equal(OrganisationFileProblem.MissingColumns, ex.Problem);
        Assert.Equal(["name_zh", "level"], ex.MissingColumns);
    }

    [Fact]
    public void Read_HeaderOnly_ThrowsNoDataRows()
    {
        var ex = Assert.Throws<OrganisationFileException>(() => Read(Encoding.UTF8.GetBytes("code,name_zh,level\n\n"), "orgs.csv"));

        Assert.Equal(OrganisationFileProblem.NoDataRows, ex.Problem);
    }

    [Fact]
    public void Read_TwoColumnsForSameField_ThrowsDuplicateColumn()
    {
        var csv = "code,编码,name_zh,level\nHQ,HQ,总公司,1\n";

        var ex = Assert.Throws<OrganisationFileException>(() => Read(Encoding.UTF8.GetBytes(csv), "orgs.csv"));

        Assert.Equal(OrganisationFileProblem.DuplicateColumn, ex.Problem);
    }

    private static IReadOnlyList<OrganisationImportRow> Read(byte[] bytes, string fileName)
    {
        using var stream = new MemoryStream(bytes);
        return OrganisationFileReader.Read(stream, fileName);
    }

    private static byte[] Xlsx(params Dictionary<string, object?>[] rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
