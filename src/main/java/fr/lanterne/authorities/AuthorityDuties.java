package fr.lanterne.authorities;

/**
 * The access-to-documents duties of an authority, as far as Lanterne can tell: whether it must have a PRADA (CRPA
 * R330-2), who then receives the requests (R330-4), and whether it must publish online what it communicates (CRPA
 * L312-1-1). Known for town halls and intercommunalités; for other bodies Lanterne does not assert either.
 */
public record AuthorityDuties(PradaRule.Verdict prada, PublicationDuty.Verdict publication) {

    static final AuthorityDuties UNDETERMINED = new AuthorityDuties(
            new PradaRule.Verdict(false, "Lanterne ne détermine l’obligation de PRADA que pour les communes et les "
                    + "intercommunalités."),
            new PublicationDuty.Verdict(PublicationDuty.Status.UNKNOWN, "Lanterne ne détermine l’obligation de "
                    + "publication que pour les communes et les intercommunalités."));

    /** The line a letter's recipient block carries when a PRADA is due. */
    public static final String PRADA_ATTENTION =
            "À l’attention de la personne responsable de l’accès aux documents administratifs";
}
