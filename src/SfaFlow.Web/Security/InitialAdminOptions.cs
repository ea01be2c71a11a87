namespace SfaFlow.Web.Security;

/// <summary>
/// <c>SfaFlow:Auth:InitialAdmin</c>: the admin created at startup while no active admin has an account. Outside
/// Development this is how the first person gets in; set it from the environment, sign in, change the password (or
/// create named admins) and remove it. It never changes an existing account.
/// </summary>
public sealed class InitialAdminOptions
{
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Defaults to the user name.</summary>
    public string? DisplayName { get; set; }
}
