package fr.lanterne.deadlines;

import fr.lanterne.requests.RemedyMentions;
import java.util.List;

/**
 * Whether a deadline to act can be held against the requester, and what the step says and cites about it. Two
 * documents answer, for different deadlines:
 * <ul>
 * <li>after an implicit refusal, the acknowledgement of receipt of the request: it must state the time limits and
 * the remedies against the implicit refusal (CRPA R112-5), or they are not opposable (CRPA L112-6 al. 1);</li>
 * <li>after an express refusal, the refusal itself: its time limits count only if its notification stated them with
 * the remedies (CJA R421-5) — for a refusal to communicate, the mandatory CADA step and its time limit first; an
 * acknowledgement without its mentions then changes nothing (L112-6 al. 2).</li>
 * </ul>
 * The court deadline after the CADA follows the written confirmation's own mentions if there is one, otherwise the
 * document that governed the referral; without the information, a reasonable delay of one year at most applies
 * (Conseil d'État, 11 March 2024, n° 488227). Lanterne never moves a date for it: the safe date stays the one to act
 * by; the verdict and its articles say what the requester can still rely on.
 */
final class RemedyRule {

    /** Which document had to tell the requester the remedies, for the step at hand. */
    enum Source { ACKNOWLEDGEMENT, REFUSAL }

    /**
     * @param opposable true (the remedies were stated), false (they were not: not opposable), null (not known)
     * @param basis     the articles the verdict rests on, added to the step's when the remedies were not stated
     * @param sentence  what the step's explanation says of it, starting with a space
     */
    record Verdict(Boolean opposable, List<LegalBasis> basis, String sentence) {
    }

    private static final String REASONABLE_DELAY = "un délai raisonnable, qui ne peut en principe excéder un an à "
            + "compter du jour où vous avez eu connaissance du refus (Conseil d'État, 11 mars 2024, n° 488227)";

    private RemedyRule() {
    }

    /**
     * The referral to the CADA (CRPA R343-1).
     *
     * @param source       the acknowledgement if the window runs from silence (or a partial answer), the refusal if it
     *                     runs from an express refusal
     * @param expressFirst an express refusal came before the month of silence ended
     */
    static Verdict referral(RemedyMentions told, Source source, boolean expressFirst) {
        Verdict verdict = referral(told, source);
        return source == Source.ACKNOWLEDGEMENT ? verdict : new Verdict(verdict.opposable(), verdict.basis(),
                verdict.sentence() + acknowledgementIrrelevant(told, expressFirst));
    }

    private static Verdict referral(RemedyMentions told, Source source) {
        Boolean stated = source == Source.REFUSAL ? told.refusal() : told.acknowledgement();
        String document = source == Source.REFUSAL ? "le refus" : "l'accusé de réception de la demande";
        if (stated == null) {
            return new Verdict(null, List.of(), " Si " + (source == Source.REFUSAL
                    ? "le refus ne mentionnait pas l'obligation de saisir la CADA ni le délai pour le faire (voies et "
                    + "délais de recours : CJA R421-5)"
                    : "aucun accusé de réception de la demande mentionnant les délais et voies de recours contre le "
                    + "refus implicite ne vous a été remis (CRPA R112-5 et L112-6)")
                    + ", ce délai de deux mois ne vous est pas opposable ; la saisine reste alors possible dans "
                    + REASONABLE_DELAY + ". Indiquez-le sur la demande.");
        }
        if (stated) {
            return new Verdict(true, List.of(), " Vous avez indiqué que " + document
                    + " mentionnait les voies et délais de recours : ce délai vous est opposable.");
        }
        String why = source == Source.REFUSAL
                ? " Vous avez indiqué que le refus ne mentionnait pas les voies et délais de recours, saisine "
                        + "de la CADA "
                + "comprise (CJA R421-5)"
                : " Vous avez indiqué que l'accusé de réception de la demande ne mentionnait pas les délais et "
                        + "voies de "
                + "recours contre le refus implicite, ou qu'aucun ne vous a été remis (CRPA R112-5 ; L112-6, alinéa 1)";
        return new Verdict(false, basisOf(source), why + " : ce délai de deux mois ne vous est pas opposable. "
                + "Saisissez tout de même la CADA sans attendre : la saisine doit intervenir dans " + REASONABLE_DELAY
                + " ; la date ci-dessus reste la plus sûre.");
    }

    /**
     * An acknowledgement without its mentions does not matter once an express refusal was notified before the
     * implicit one could be born (CRPA L112-6 al. 2): said where the volunteer recorded both.
     */
    private static String acknowledgementIrrelevant(RemedyMentions told, boolean expressFirst) {
        if (!expressFirst || !Boolean.FALSE.equals(told.acknowledgement())) {
            return "";
        }
        return " L'accusé de réception incomplet ne change rien ici : le refus exprès vous a été notifié avant la "
                + "naissance du refus implicite (CRPA L112-6, alinéa 2).";
    }

    /**
     * The court (CJA R421-1, R421-2) after the CADA.
     *
     * @param fromWritten the deadline runs from a written refusal notified after the referral: its own mentions count
     * @param referral    the document that governed the referral, for a refusal confirmed by silence
     */
    static Verdict court(RemedyMentions told, boolean fromWritten, Source referral) {
        Source source = fromWritten ? Source.REFUSAL : referral;
        Boolean stated = source == Source.REFUSAL ? told.refusal() : told.acknowledgement();
        if (stated == null) {
            return new Verdict(null, List.of(), " Si l'obligation de saisir la CADA, son délai et les voies et délais "
                    + "de recours contre le refus confirmé ne vous ont pas été indiqués (" + (fromWritten
                    ? "dans le refus écrit notifié après la saisine : CJA R421-5"
                    : source == Source.REFUSAL ? "dans le refus exprès : CJA R421-5"
                    : "pour un refus implicite, dans l'accusé de réception de la demande : CRPA R112-5 et L112-6")
                    + "), ce délai de deux mois ne vous est pas opposable, mais le recours doit être formé dans "
                    + REASONABLE_DELAY + " ; ne comptez pas sur cette exception.");
        }
        String document = fromWritten ? "le refus écrit notifié après la saisine de la CADA"
                : source == Source.REFUSAL ? "le refus exprès" : "l'accusé de réception de la demande";
        if (stated) {
            return new Verdict(true, List.of(), " Vous avez indiqué que " + document + " mentionnait les voies et "
                    + "délais de recours : ce délai vous est opposable.");
        }
        return new Verdict(false, basisOf(source), " Vous avez indiqué que " + document + " ne mentionnait "
                + "pas les voies et délais de recours (" + (source == Source.REFUSAL ? "CJA R421-5"
                : "CRPA R112-5 ; L112-6, alinéa 1") + ") : ce délai de deux mois ne vous est pas opposable, mais le "
                + "recours doit être formé dans " + REASONABLE_DELAY + " ; la date ci-dessus reste la plus sûre.");
    }

    /** The rule that makes the deadline not opposable, and the reasonable delay that replaces it. */
    private static List<LegalBasis> basisOf(Source source) {
        return source == Source.REFUSAL ? List.of(LegalBasis.CJA_R421_5, LegalBasis.CE_488227)
                : List.of(LegalBasis.CRPA_L112_6, LegalBasis.CRPA_R112_5, LegalBasis.CE_488227);
    }
}
