using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SpecialistPlatform.Console.Pages;

/// <summary>The console's front door: the jobs page, which every role that reads jobs may see.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Jobs/Index");
}
