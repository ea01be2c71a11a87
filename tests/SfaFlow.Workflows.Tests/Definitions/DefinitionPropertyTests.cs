using System.Text;
using CsCheck;
using Xunit.Abstractions;
using SfaFlow.Workflows.Definitions;
using SfaFlow.Workflows.Tests.Support;

namespace SfaFlow.Workflows.Tests.Definitions;

/// <summary>
/// Whatever the input, reading and validating give a definition or located errors, never an exception; and whatever reads
/// successfully writes and reads back to the same model and the same text. Iteration counts keep the class within a
/// few seconds on two cores; a failure prints CsCheck's seed, which reproduces it (pass it as <c>seed:</c>).
/// </summary>
public sealed class DefinitionPropertyTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestEngine _engine = new();

    [Fact]
    public void ReadAndValidate_RandomJson_GiveADefinitionOrErrors()
    {
        var outcomes = new Outcomes();

        JsonGen.Document.Sample(json => outcomes.Count(Check(json)), iter: 3000, print: Shorten);

        output.WriteLine(outcomes.ToString());
        Assert.True(outcomes.Rejected > 0, outcomes.ToString());
    }

    [Fact]
    public void ReadAndValidate_RandomDefinitions_GiveADefinitionOrErrors()
    {
        var outcomes = new Outcomes();

        DefinitionGen.Definition.Sample(json => outcomes.Count(Check(json)), iter: 1000, print: Shorten);

        // The generator is meant to reach the compiler: both verdicts must come up.
        output.WriteLine(outcomes.ToString());
        Assert.True(outcomes.Valid > 0 && outcomes.Invalid > 0, outcomes.ToString());
    }

    [Fact]
    public void ReadAndValidate_MutatedSamples_GiveADefinitionOrErrors()
    {
        var outcomes = new Outcomes();

        SampleMutation.Gen.Sample(mutation =>
        {
            var bytes = mutation.Bytes();
            var fromBytes = ElsaJsonReader.Read(bytes);
            AssertDefinitionOrErrors(fromBytes);
            var json = Encoding.UTF8.GetString(bytes);
            var outcome = Check(json);
            if (Encoding.UTF8.GetByteCount(json) == bytes.Length && json.IndexOf('\uFFFD', StringComparison.Ordinal) < 0)
            {
                Assert.Equal(Describe(ElsaJsonReader.Read(json)), Describe(fromBytes));
            }

            outcomes.Count(outcome);
        }, iter: 2000, print: m => m.ToString());

        output.WriteLine(outcomes.ToString());
        Assert.True(outcomes.Valid > 0 && outcomes.Rejected > 0 && outcomes.Invalid > 0, outcomes.ToString());
    }

    [Fact]
    public void Read_SampleCutAnywhere_ReportsMalformedJsonWithLineAndColumn()
    {
        var samples = Directory.GetFiles(SharedFolder.ElsaSamples, "*--*.json").Order().Select(File.ReadAllText).ToArray();

        Gen.Select(Gen.Int[0, samples.Length - 1], Gen.Double[0, 1]).Sample((sample, fraction) =>
        {
            // Anywhere before the closing brace: from nothing at all to everything but the last character.
            var length = samples[sample].TrimEnd().Length;
            var cut = samples[sample][..Math.Min((int)(fraction * length), length - 1)];

            var result = ElsaJsonReader.Read(cut);

            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Null(result.Definition);
            Assert.StartsWith("Malformed JSON: ", diagnostic.Message, StringComparison.Ordinal);
            Assert.Equal(cut.Count(c => c == '\n') + 1, diagnostic.Line);
            Assert.NotNull(diagnostic.Column);
        }, iter: 2000);
    }

    public void Dispose() => _engine.Dispose();

    /// <summary>The property itself, for one JSON text. Returns what happened, for the generator sanity checks.</summary>
    private Outcome Check(string json)
    {
        var read = ElsaJsonReader.Read(json);
        AssertDefinitionOrErrors(read);
        var validated = _engine.Engine.Validate(json);
        AssertDefinitionOrErrors(validated);
        if (!read.Succeeded)
        {
            Assert.False(validated.Succeeded);
            return Outcome.Rejected;
        }

        AssertRoundTripIsStable(read.Definition!);
        return validated.Succeeded ? Outcome.Valid : Outcome.Invalid;
    }

    private void AssertRoundTripIsStable(WorkflowDefinition definition)
    {
        var written = ElsaJsonWriter.Write(definition);
        var again = ElsaJsonReader.Read(written);

        Assert.True(again.Succeeded, $"The written definition does not read back: {string.Join("; ", again.Diagnostics)}{Environment.NewLine}{written}");
        Assert.Equal(DefinitionFacts.Of(definition), DefinitionFacts.Of(again.Definition!));
        Assert.Equal(written, ElsaJsonWriter.Write(again.Definition!));
        Assert.Equal(Describe(_engine.Engine.Validate(definition)), Describe(_engine.Engine.Validate(again.Definition!)));
    }

    private static void AssertDefinitionOrErrors(DefinitionReadResult result)
    {
        Assert.True(result.Succeeded || result.Diagnostics.Any(d => d.IsError), "Neither a definition nor an error.");
        Assert.True(!result.Succeeded || result.Definition is not null);
        Assert.All(result.Diagnostics, d =>
        {
            Assert.StartsWith("$", d.Path, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(d.Message));
            Assert.True(d.Line is null or > 0 && d.Column is null or > 0, d.ToString());
        });
    }

    private static List<string> Describe(DefinitionReadResult result) => Describe(result.Diagnostics);

    private static List<string> Describe(IEnumerable<DefinitionDiagnostic> diagnostics) => [.. diagnostics.Select(d => d.ToString())];

    private static string Shorten(string json) => json.Length <= 4000 ? json : json[..4000] + "...";

    private enum Outcome
    {
        Rejected,
        Invalid,
        Valid,
    }

    /// <summary>How often each verdict came up: a generator that only ever produces one kind tests little.</summary>
    private sealed class Outcomes
    {
        private readonly int[] _counts = new int[3];

        public int Rejected => _counts[(int)Outcome.Rejected];

        public int Invalid => _counts[(int)Outcome.Invalid];

        public int Valid => _counts[(int)Outcome.Valid];

        public void Count(Outcome outcome) => Interlocked.Increment(ref _counts[(int)outcome]);

        public override string ToString() => $"rejected by the reader {Rejected}, invalid {Invalid}, valid {Valid}";
    }
}
