using Microsoft.AspNetCore.Http.HttpResults;

namespace SpecialistPlatform.Gateway.Apis;

/// <summary>
/// A page of a listing as the query asked for it (?page=, ?pageSize=), checked before it reaches the database: page
/// starts at 1, the size is bounded, and the page may not start beyond what an offset can address (page=2147483647
/// once overflowed into a negative offset and a 500).
/// </summary>
public readonly record struct PageRequest(int Number, int Size)
{
    public int Offset => (Number - 1) * Size;

    /// <summary>The page, or problem details naming what was wrong with the paging.</summary>
    public static (PageRequest Page, ProblemHttpResult? Problem) From(int? page, int? pageSize, int defaultSize, int maxSize)
    {
        var number = page ?? 1;
        var size = pageSize ?? defaultSize;
        if (number < 1 || size < 1 || size > maxSize)
        {
            return (default, JobsApi.Problem(StatusCodes.Status400BadRequest, "Invalid paging", $"page starts at 1; pageSize is 1 to {maxSize}."));
        }

        if ((long)(number - 1) * size > int.MaxValue)
        {
            return (default, JobsApi.Problem(StatusCodes.Status400BadRequest, "Invalid paging",
                $"page {number} of {size} records starts beyond record {int.MaxValue:N0}; ask for an earlier page or narrow the filters."));
        }

        return (new PageRequest(number, size), null);
    }
}
