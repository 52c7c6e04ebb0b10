namespace Casework.Domain.Access;

/// <summary>
/// The roles a user can hold while acting for one organisation. Workflow definitions name these;
/// the names are part of the definition format, so never rename one.
/// </summary>
public enum Role
{
    /// <summary>Files and follows applications, knelpunten and vastlopers for a gemeente.</summary>
    GemeenteAanvrager,

    /// <summary>RVO application desk: receipt, completeness, herstelverzoek.</summary>
    Loket,

    /// <summary>Department reviewer (e.g. VRO for VHF/WBI, the lead department of a knelpunt).</summary>
    Beoordelaar,

    /// <summary>Member of a Toetsingscommissie: scores and advises.</summary>
    Commissielid,

    /// <summary>Secretary of a body: SBSD, BRSD, an alliance or the bestuurlijk overleg.</summary>
    Secretaris,

    /// <summary>The rijksvertegenwoordiger of a department in an alliance.</summary>
    Rijksvertegenwoordiger,

    /// <summary>Functional administrator: rounds, ceilings, reference data.</summary>
    Beheerder,

    /// <summary>Reads everything, writes nothing.</summary>
    Auditor,

    /// <summary>The system itself (deadline worker); never held by a person.</summary>
    Systeem,
}
