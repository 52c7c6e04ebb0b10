using FluentValidation;

namespace Casework.Web.Features.Tranches;

internal sealed class OrderTiesValidator : AbstractValidator<OrderTiesCommand>
{
    public OrderTiesValidator() =>
        RuleFor(c => c.Request!.Order).NotEmpty().OverridePropertyName("order").WithMessage("Geef de volgorde van de gelijk geëindigde aanvragen (order).")
            .Must(o => o is null || o.Distinct().Count() == o.Count).WithMessage("Een aanvraag staat meer dan eens in de volgorde.");
}
