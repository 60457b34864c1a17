using MudBlazor;

namespace CtoRules.Web.Components.Layout;

/// <summary>One theme for the whole site; colours chosen for AA contrast on white.</summary>
public static class SiteTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1b4f8a",
            Secondary = "#7a3b00",
            AppbarBackground = "#1b4f8a",
            Error = "#b00020",
            Success = "#1e6b2f",
            Warning = "#8a5a00",
            Info = "#1b4f8a",
        },
    };
}
