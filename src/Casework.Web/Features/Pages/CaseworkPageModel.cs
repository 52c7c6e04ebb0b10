using Casework.Domain.Common;
using Casework.Web.Api;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Casework.Web.Features.Pages;

/// <summary>
/// Base of the pages: they send the same Mediator commands and queries as the API (same validation, same single
/// transaction, same rules), and turn the same failures into what a person can act on: a field error next to the
/// field (400), every broken rule with its code and legal source (422), or one message (403/404/409).
/// </summary>
public abstract class CaseworkPageModel : PageModel
{
    /// <summary>
    /// Sends a command; on a refusal fills ModelState (field names prefixed with <paramref name="fieldPrefix"/>,
    /// as the form binds them) or the broken rules, and returns false. Nothing was written then.
    /// </summary>
    protected async Task<(bool Ok, TResponse? Result)> TrySendAsync<TResponse>(ICommand<TResponse> command, string fieldPrefix = "Input", CancellationToken ct = default)
    {
        var mediator = Service<IMediator>();
        try
        {
            return (true, await mediator.Send(command, ct));
        }
        catch (ValidationException e)
        {
            foreach (var error in e.Errors)
            {
                var key = string.IsNullOrEmpty(error.PropertyName) ? string.Empty
                    : string.IsNullOrEmpty(fieldPrefix) ? error.PropertyName : $"{fieldPrefix}.{error.PropertyName}";
                ModelState.AddModelError(key, error.ErrorMessage);
            }
        }
        catch (BusinessRuleViolationException e)
        {
            ShowBrokenRules(e.BrokenRules);
        }
        catch (ApiProblemException e) when (e.Problem.Extensions.TryGetValue("brokenRules", out var rules) && rules is IReadOnlyList<BrokenRule> broken)
        {
            ShowBrokenRules(broken);
        }
        catch (ApiProblemException e) when (e.Problem is HttpValidationProblemDetails validation)
        {
            // Workflow input ("reason", "data.x") as the action forms name their fields.
            foreach (var (field, messages) in validation.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(string.IsNullOrEmpty(fieldPrefix) ? field : $"{fieldPrefix}.{field}", message);
                }
            }
        }
        catch (ApiProblemException e)
        {
            ModelState.AddModelError(string.Empty, Describe(e.Problem));
        }

        return (false, default);
    }

    /// <summary>
    /// A request service. Page models are public (Razor generates public page classes around them) while most
    /// handlers and services are internal, so pages resolve those here rather than in their constructor.
    /// </summary>
    protected T Service<T>()
        where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();

    /// <summary>Sends a query (the same one the API answers with).</summary>
    protected async Task<TResponse> QueryAsync<TResponse>(IQuery<TResponse> query, CancellationToken ct = default) =>
        await Service<IMediator>().Send(query, ct);

    /// <summary>Shows broken rules in the error summary, each with its code and legal source.</summary>
    protected void ShowBrokenRules(IReadOnlyList<BrokenRule> rules) => ViewData[FlashMessages.BrokenRulesKey] = rules;

    /// <summary>A message for the next page, shown once after the redirect (Post/Redirect/Get).</summary>
    protected void Flash(string message) => TempData[FlashMessages.SuccessKey] = message;

    /// <summary>The page again after a refused command: 422 when rules were broken, otherwise <paramref name="status"/> (field errors 400, a conflict 409).</summary>
    protected PageResult RefusedPage(int status = StatusCodes.Status400BadRequest)
    {
        var page = Page();
        page.StatusCode = ViewData.ContainsKey(FlashMessages.BrokenRulesKey) ? StatusCodes.Status422UnprocessableEntity : status;
        return page;
    }

    protected void FlashError(string message) => TempData[FlashMessages.ErrorKey] = message;

    /// <summary>A problem as one Dutch sentence; broken rules are listed, with their source, by the error summary instead.</summary>
    public static string Describe(ProblemDetails problem) => problem.Detail ?? problem.Title ?? "Het verzoek is geweigerd.";
}
