using SfaFlow.Web.Api.Sales.SalesActivities;

namespace SfaFlow.Web.Api.Sales.Tasks;

/// <summary>
/// The caller's own planned tasks against their today: due before it, due on it, and due later or without a due date,
/// each soonest first. A task is shown as the activity it is (<see cref="SalesActivityView"/>).
/// </summary>
public sealed record MyTasksView(
    IReadOnlyList<SalesActivityView> Overdue, IReadOnlyList<SalesActivityView> Today, IReadOnlyList<SalesActivityView> Upcoming,
    DateTimeOffset TodayStartsAt, DateTimeOffset TodayEndsAt, string TimeZone);
