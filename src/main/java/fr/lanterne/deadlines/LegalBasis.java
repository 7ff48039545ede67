package fr.lanterne.deadlines;

import java.util.Objects;

/**
 * The rule a date rests on: the article as lawyers cite it ("CRPA R343-1", "CPC art. 641") and what it says, in
 * plain French (a summary, not the official wording: Légifrance has that).
 */
public record LegalBasis(String article, String text) {

    public static final LegalBasis CRPA_R311_12 = new LegalBasis("CRPA R*311-12",
            "Le silence gardé par l'administration saisie d'une demande de communication de documents vaut refus.");
    /** « … à compter de la réception de la demande par l'administration compétente » (source as for R*343-4). */
    public static final LegalBasis CRPA_R311_13 = new LegalBasis("CRPA R311-13",
            "Le délai d'un mois au terme duquel ce silence vaut refus court à compter de la réception de la demande "
                    + "par l'administration compétente.");
    public static final LegalBasis CPC_641 = new LegalBasis("CPC art. 641",
            "Un délai exprimé en mois expire le jour du dernier mois qui porte le même quantième que le jour qui le "
                    + "fait courir ; à défaut d'un tel quantième, le dernier jour du mois.");
    public static final LegalBasis CPC_642 = new LegalBasis("CPC art. 642",
            "Un délai qui expirerait un samedi, un dimanche ou un jour férié ou chômé est prorogé jusqu'au premier "
                    + "jour ouvrable suivant (règle appliquée aussi par le juge administratif).");
    public static final LegalBasis CRPA_R343_1 = new LegalBasis("CRPA R343-1",
            "Le demandeur dispose de deux mois à compter de la notification du refus, ou de l'expiration du délai "
                    + "de l'article R311-13, pour saisir la Commission d'accès aux documents administratifs.");
    public static final LegalBasis CRPA_L342_1 = new LegalBasis("CRPA L342-1",
            "La saisine de la CADA est un préalable obligatoire à tout recours contentieux contre un refus de "
                    + "communication.");
    public static final LegalBasis CRPA_R343_3 = new LegalBasis("CRPA R343-3",
            "La CADA notifie son avis au demandeur et à l'administration dans un délai d'un mois à compter de "
                    + "l'enregistrement de la demande à son secrétariat ; l'administration informe la CADA, dans le "
                    + "mois qui suit la réception de l'avis, de la suite qu'elle entend donner à la demande.");
    /**
     * Checked against the code's text (Légifrance, as mirrored in github.com/francois76/legifrance,
     * source/code_des_relations_entre_le_public_et_l'administration, read December 2026): « Le silence gardé pendant
     * le délai prévu à l'article R. 343-5 par l'administration mise en cause vaut décision de refus. » Lanterne calls
     * this refusal, born of silence after the referral, the confirmed refusal.
     */
    public static final LegalBasis CRPA_R343_4 = new LegalBasis("CRPA R*343-4",
            "Le silence gardé pendant le délai prévu à l'article R343-5 par l'administration mise en cause vaut "
                    + "décision de refus.");
    /**
     * Same source: « Le délai au terme duquel intervient la décision implicite de refus mentionnée à l'article
     * R. * 343-4 est de deux mois à compter de l'enregistrement de la demande de l'intéressé par la commission. »
     */
    public static final LegalBasis CRPA_R343_5 = new LegalBasis("CRPA R343-5",
            "Le délai au terme duquel naît cette décision implicite de refus (article R*343-4) est de deux mois à "
                    + "compter de l'enregistrement de la demande par la CADA.");
    public static final LegalBasis CJA_R421_1 = new LegalBasis("CJA R421-1",
            "Le tribunal administratif est saisi dans les deux mois à partir de la notification de la décision "
                    + "attaquée ; le juge administratif compte ce délai comme un délai franc.");
    public static final LegalBasis CJA_R421_2 = new LegalBasis("CJA R421-2",
            "Contre un refus implicite, le recours est formé dans les deux mois à compter de la date où il est né ; "
                    + "une décision expresse de rejet intervenue avant l'expiration de ce délai le fait courir à "
                    + "nouveau.");

    public static final LegalBasis CT_L3134_13 = new LegalBasis("Code du travail L3134-13",
            "En Moselle, dans le Bas-Rhin et le Haut-Rhin, le Vendredi saint n'est un jour férié que dans les communes "
                    + "ayant un temple protestant ou une église mixte ; le 26 décembre l'est partout.");

    public LegalBasis {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(text, "text");
        if (article.isBlank() || text.isBlank()) {
            throw new IllegalArgumentException("A legal basis needs an article and its text");
        }
    }
}
