namespace PolicyLint.Model;

/// <summary>The CSP root a setting lives under: ./Device/... (GPO: Computer Configuration) or ./User/... (GPO: User Configuration).</summary>
public enum PolicyScope
{
    Device,
    User,
}
