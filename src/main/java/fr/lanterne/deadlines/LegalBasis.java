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

    /**
     * Checked against the code's text (same source as R*343-4): « Les délais de recours ne sont pas opposables à
     * l'auteur d'une demande lorsque l'accusé de réception ne lui a pas été transmis ou ne comporte pas les
     * indications exigées par la réglementation. Le défaut de délivrance d'un accusé de réception n'emporte pas
     * l'inopposabilité des délais de recours à l'encontre de l'auteur de la demande lorsqu'une décision expresse lui
     * a été régulièrement notifiée avant l'expiration du délai au terme duquel est susceptible de naître une décision
     * implicite. » For a request sent by email, L112-12 says the same of the electronic acknowledgement (L112-11).
     */
    public static final LegalBasis CRPA_L112_6 = new LegalBasis("CRPA L112-6",
            "Les délais de recours ne sont pas opposables au demandeur si l'accusé de réception de sa demande ne lui "
                    + "a pas été transmis ou ne comporte pas les mentions exigées ; l'absence d'accusé de réception ne "
                    + "joue pas si une décision expresse a été régulièrement notifiée avant la naissance de la "
                    + "décision "
                    + "implicite (pour une demande par courriel : L112-12).");
    /**
     * Same source: the acknowledgement states the date of receipt and the date the request will be deemed refused, the
     * service in charge; « Dans le premier cas [décision implicite de rejet], l'accusé de réception mentionne les
     * délais et les voies de recours à l'encontre de la décision. » By email: R112-11-1, in the same terms.
     */
    public static final LegalBasis CRPA_R112_5 = new LegalBasis("CRPA R112-5",
            "L'accusé de réception indique la date de réception de la demande, la date à laquelle elle sera réputée "
                    + "rejetée et le service chargé du dossier, et mentionne les délais et voies de recours contre le "
                    + "refus implicite (pour une demande par courriel : R112-11-1).");
    /**
     * « Les délais de recours contre une décision administrative ne sont opposables qu'à la condition d'avoir été
     * mentionnés, ainsi que les voies de recours, dans la notification de la décision. » (Légifrance, article
     * LEGIARTI000006449946, as shown by doctrine.fr; unchanged since 1 January 2001.)
     */
    public static final LegalBasis CJA_R421_5 = new LegalBasis("CJA R421-5",
            "Les délais de recours contre une décision ne sont opposables que s'ils ont été mentionnés, avec les voies "
                    + "de recours, dans sa notification ; pour un refus de communication, cela comprend la saisine "
                    + "obligatoire de la CADA et son délai.");
    /**
     * Conseil d'État, 11 March 2024, Société CCM Benchmark Group, n° 488227, mentionné aux tables (analysis on
     * conseil-etat.fr, ArianeWeb): the two months run from the confirmation of the refusal only if the requester was
     * told of the mandatory CADA step and its time limit and of the remedies against the confirmation; otherwise a
     * reasonable delay from when they knew of it, which cannot exceed one year save particular circumstances (the
     * CADA's opinion is not one).
     */
    public static final LegalBasis CE_488227 = new LegalBasis("CE, 11 mars 2024, n° 488227",
            "Sans information sur la saisine obligatoire de la CADA, son délai et les voies et délais de recours "
                    + "contre la confirmation du refus, le recours reste possible dans un délai raisonnable, "
                    + "qui ne peut "
                    + "en principe excéder un an à compter du jour où le demandeur a eu connaissance du refus.");

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
