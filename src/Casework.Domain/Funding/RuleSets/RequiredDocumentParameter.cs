namespace Casework.Domain.Funding;

/// <summary>A document type a round requires at submission (an informatieobjecttype code), with its source.</summary>
public sealed record RequiredDocumentParameter(string Informatieobjecttype, string Source);
