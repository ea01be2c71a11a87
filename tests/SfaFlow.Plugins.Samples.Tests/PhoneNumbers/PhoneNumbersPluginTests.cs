using Microsoft.Extensions.DependencyInjection;
using SfaFlow.Plugins.PhoneNumbers;
using SfaFlow.Plugins.Sales;
using SfaFlow.Plugins.Scripting;
using SfaFlow.Plugins.Samples.Tests.Fakes;

namespace SfaFlow.Plugins.Samples.Tests.PhoneNumbers;

public sealed class PhoneNumbersPluginTests : IDisposable
{
    private readonly FakeSalesRecords _records = new();
    private readonly ServiceProvider _services;

    public PhoneNumbersPluginTests()
    {
        var services = new ServiceCollection().AddSingleton<ISalesRecords>(_records);
        new PhoneNumbersPlugin().ConfigureServices(services);
        _services = services.BuildServiceProvider();
    }

    public void Dispose() => _services.Dispose();

    [Theory]
    [InlineData("030 123456", "DE", "+4930123456")]
    [InlineData("+49 30 123456", null, "+4930123456")]
    [InlineData("(650) 253-0000", "us", "+16502530000")]
    [InlineData("+1 650 253 0000", "DE", "+16502530000")]
    [InlineData("650 253 0000", null, null)] // no region, no +: cannot know the country
    [InlineData("12", "DE", null)]
    [InlineData("call me", "DE", null)]
    [InlineData("", "DE", null)]
    [InlineData(null, "DE", null)]
    public void ToE164_FormatsValidNumbersAndRefusesOthers(string? number, string? region, string? expected) =>
        Assert.Equal(expected, PhoneFormatter.ToE164(number, region));

    [Fact]
    public void Register_AddsTheActivityAndFormatPhoneNumber()
    {
        var builder = new RecordingPluginBuilder("PhoneNumbers");

        new PhoneNumbersPlugin().Register(builder);

        Assert.Equal(["PhoneNumbers.NormalizePhone"], builder.ActivityKeys);
        var function = Assert.Single(builder.Functions);
        Assert.Equal("formatPhoneNumber", function.Name);
        Assert.Equal([(ScriptValueType.Text, false), (ScriptValueType.Text, true)], function.Parameters.Select(p => (p.Type, p.IsOptional)));
        Assert.Equal("+4930123456", function.Invoke(new ScriptFunctionCall(["030 123456", "DE"], _services, CancellationToken.None)));
        Assert.Null(function.Invoke(new ScriptFunctionCall(["030 123456", null], _services, CancellationToken.None)));
        Assert.Empty(builder.Operations);
    }

    [Fact]
    public async Task NormalizePhone_RewritesTheCorrelatedRecordsNumber()
    {
        var lead = _records.Add("lead", 1, new() { ["phone"] = "030 123456" });
        var activity = new NormalizePhone();
        var context = new FakeActivityContext(_services, "lead:1").With(activity.DefaultRegion, "DE");

        await activity.ExecuteAsync(context);

        Assert.Equal([NormalizePhone.NormalizedOutcome], context.Outcomes);
        var update = Assert.Single(_records.Updates);
        Assert.Equal((lead, "+4930123456"), (update.Record, update.Changes["phone"]));
        Assert.Equal(("030 123456", "+4930123456"), (context.Output(activity.Original), context.Output(activity.Phone)));
    }

    [Fact]
    public async Task NormalizePhone_OtherFieldAndTheRecordsCountry_AreUsed()
    {
        _records.Add("account", 2, new() { ["mobile"] = "(650) 253-0000", ["country"] = "US" });
        var activity = new NormalizePhone();
        var context = new FakeActivityContext(_services).With(activity.Record, "account:2").With(activity.Field, "mobile");

        await activity.ExecuteAsync(context);

        Assert.Equal([NormalizePhone.NormalizedOutcome], context.Outcomes);
        Assert.Equal("+16502530000", _records.Updates.Single().Changes["mobile"]);
    }

    [Theory]
    [InlineData("+4930123456", NormalizePhone.UnchangedOutcome)]
    [InlineData("12345", NormalizePhone.InvalidOutcome)]
    [InlineData(null, NormalizePhone.InvalidOutcome)]
    public async Task NormalizePhone_AlreadyE164OrInvalid_LeavesTheRecordAlone(string? phone, string outcome)
    {
        _records.Add("contact", 3, new() { ["phone"] = phone });
        var activity = new NormalizePhone();
        var context = new FakeActivityContext(_services, "contact:3").With(activity.DefaultRegion, "DE");

        await activity.ExecuteAsync(context);

        Assert.Equal([outcome], context.Outcomes);
        Assert.Empty(_records.Updates);
    }

    [Fact]
    public async Task NormalizePhone_WithoutARecord_SaysSo()
    {
        var activity = new NormalizePhone();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => activity.ExecuteAsync(new FakeActivityContext(_services, "lead:404")).AsTask());

        Assert.Contains("there is no lead:404", error.Message, StringComparison.Ordinal);
    }
}
