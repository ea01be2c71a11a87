namespace SfaFlow.Plugins.Events;

/// <summary>
/// The names of the domain events SfaFlow's sales records raise: what workflow triggers, <c>Sfa.WaitForEvent</c> and
/// plugin listeners (<see cref="IDomainEventListener.EventNames"/>) listen to. The one place these names are spelled;
/// they are stable forever, since stored workflows refer to them.
/// </summary>
public static class SalesEventNames
{
    /// <summary>A lead was created (by a person, an import, a workflow or a plugin).</summary>
    public const string LeadCreated = "LeadCreated";

    /// <summary>A lead's fields were changed through its service.</summary>
    public const string LeadUpdated = "LeadUpdated";

    /// <summary>A lead was qualified.</summary>
    public const string LeadQualified = "LeadQualified";

    /// <summary>A lead was disqualified.</summary>
    public const string LeadDisqualified = "LeadDisqualified";

    /// <summary>A lead replied (an inbound e-mail was recorded on it).</summary>
    public const string LeadReplied = "LeadReplied";

    /// <summary>A deal was created.</summary>
    public const string OpportunityCreated = "OpportunityCreated";

    /// <summary>A deal moved to another stage.</summary>
    public const string OpportunityStageChanged = "OpportunityStageChanged";

    /// <summary>A deal entered a won stage.</summary>
    public const string OpportunityWon = "OpportunityWon";

    /// <summary>A deal entered a lost stage.</summary>
    public const string OpportunityLost = "OpportunityLost";

    /// <summary>A call, meeting, e-mail, visit or task was completed with an outcome.</summary>
    public const string ActivityCompleted = "ActivityCompleted";

    /// <summary>A task (an activity of kind Task) was completed; raised beside <see cref="ActivityCompleted"/>.</summary>
    public const string TaskCompleted = "TaskCompleted";

    /// <summary>Any change to a lead, account, contact or deal, field by field (old and new values).</summary>
    public const string RecordUpdated = "RecordUpdated";
}
