package fr.lanterne.deadlines;

import static fr.lanterne.shared.FrenchDates.withWeekday;

import java.time.LocalDate;

/**
 * The French explanation of one request's chain: the sentence of each step and the articles it cites, for the dates
 * {@link DeadlineCalculator} computed. It decides no date; where a sentence depends on a fact (the authority's local
 * holidays), it reads the fact itself; what the remedies stated change, {@link RemedyRule} says.
 */
final class ChainExplanation {

    private static final String GOOD_FRIDAY = " Le Vendredi saint n'est un jour férié en Alsace-Moselle que dans les "
            + "communes qui ont un temple protestant ou une église mixte (Code du travail, art. L3134-13) : la date "
            + "sûre ne compte pas sur lui, seule la date la plus favorable en tient compte.";
    private final Departement departement;
    private final PublicHolidays holidays;

    ChainExplanation(RequestFacts facts, PublicHolidays holidays) {
        this.departement = facts.departement();
        this.holidays = holidays;
    }

    // --- receipt and the month of silence ----------------------------------------------------------------------

    String sent(LocalDate sent) {
        return "Demande envoyée le " + withWeekday(sent)
                + ". Les délais ne courent qu'à partir de sa réception par l'administration.";
    }

    String received(LocalDate received) {
        return "Demande reçue par l'administration le " + withWeekday(received)
                + " : le délai d'un mois dont elle dispose pour répondre court à partir de cette date.";
    }

    String implicitRefusal(boolean afterPartial, LocalDate ends, LocalDate extended, boolean goodFriday) {
        StringBuilder text = new StringBuilder(afterPartial ? "Pour la partie non communiquée, sans" : "Sans")
                .append(" réponse, la demande est réputée refusée le ").append(withWeekday(ends))
                .append(", un mois après sa réception (même quantième, ou dernier jour du mois s'il n'existe pas).");
        if (!extended.equals(ends)) {
            text.append(" Le ").append(withWeekday(ends)).append(" n'est pas un jour ouvré")
                    .append(holidaySuffix(ends))
                    .append(" : les sources divergent. Le refus implicite est un fait et non un délai pour agir,"
                            + " et selon la lecture courante il naît ce jour-là ; si l'on étend au délai de réponse"
                            + " de l'administration la prorogation de l'article 642 du CPC, il ne naît que le ")
                    .append(withWeekday(extended)).append('.');
            if (goodFriday) {
                text.append(GOOD_FRIDAY);
            }
        }
        return text.append(" La CADA ne peut être saisie qu'après ce refus : à partir du ")
                .append(withWeekday(extended.plusDays(1))).append(" sans risque.").toString();
    }

    String silenceAfterPartialNote() {
        return "Si la réponse partielle ne refuse pas expressément le reste, la CADA demande d'attendre ce refus "
                + "implicite, et le délai de deux mois court de lui.";
    }

    // --- answers and refusals before the referral --------------------------------------------------------------

    String partialAnswerFirst(LocalDate date) {
        return "Réponse partielle reçue le " + withWeekday(date) + ". Si elle refuse expressément le reste, le délai"
                + " de deux mois pour saisir la CADA court de cette date (CRPA R343-1) ; sinon, le silence "
                + "gardé sur le reste vaut refus au terme du mois (CRPA R311-13).";
    }

    String partialAnswerAfterRefusal(LocalDate date) {
        return "Réponse partielle reçue le " + withWeekday(date) + ", après le refus. Si elle refuse expressément "
                + "le reste, elle peut faire courir un nouveau délai de deux mois ; sinon le délai en cours "
                + "reste inchangé.";
    }

    String partialAnswerAfterRefusalNote(LocalDate date) {
        return "La réponse partielle du " + withWeekday(date) + " ne change le délai que si elle refuse expressément "
                + "le reste : la date la plus stricte n'en tient pas compte.";
    }

    String partialAnswerTooLate(LocalDate date) {
        return "Réponse partielle reçue le " + withWeekday(date) + ", après l'expiration du délai de saisine de la "
                + "CADA : elle ne le rouvre pas. Pour obtenir le reste, renouvelez la demande.";
    }

    String expressRefusalFirst(LocalDate date) {
        return "Refus exprès notifié le " + withWeekday(date) + " : le délai de deux mois pour saisir la CADA "
                + "court à partir de cette notification, et la CADA peut être saisie dès maintenant.";
    }

    String expressRefusalRestarts(LocalDate date) {
        return "Refus exprès notifié le " + withWeekday(date) + ", avant l'expiration du délai en cours : il fait "
                + "courir un nouveau délai de deux mois (CRPA R343-1, qui compte le délai de la notification "
                + "du refus, et par analogie CJA R421-2).";
    }

    String expressRefusalRestartsNote(LocalDate date) {
        return "Le refus exprès notifié le " + withWeekday(date) + " a fait repartir le délai de deux mois.";
    }

    String expressRefusalBetweenReadings(LocalDate date, LocalDate strictest) {
        return "Refus exprès notifié le " + withWeekday(date) + ", après la date limite la plus stricte ("
                + withWeekday(strictest) + ") mais avant la plus favorable : selon celle-ci, il fait "
                + "courir un nouveau délai de deux mois (par analogie avec CJA R421-2).";
    }

    String expressRefusalBetweenReadingsNote(LocalDate date) {
        return "Le refus exprès du " + withWeekday(date) + " ne fait repartir le délai que selon la lecture la plus "
                + "favorable.";
    }

    String expressRefusalTooLate(LocalDate date) {
        return "Refus exprès notifié le " + withWeekday(date) + ", après l'expiration du délai de saisine de la "
                + "CADA : il confirme un refus devenu définitif et, en principe, ne rouvre pas ce délai. Pour "
                + "saisir la CADA sans risque, renouvelez la demande : une nouvelle demande fait courir de "
                + "nouveaux délais.";
    }

    // --- the readings of the referral window (CRPA R343-1) -----------------------------------------------------

    String strictFromSilence(LocalDate ends) {
        return "le jour où naît le refus implicite (" + withWeekday(ends) + ") compte dans les deux mois"
                + strictExtension();
    }

    String generousFromSilence(LocalDate ends, LocalDate extended) {
        return "deux mois de date à date (CPC art. 641) à partir du " + withWeekday(extended)
                + (extended.equals(ends) ? "" : ", date du refus prorogée par l'article 642") + generousExtension();
    }

    /** @param express an express refusal was notified; otherwise a partial answer was received */
    String strictFromNotification(boolean express, LocalDate notified) {
        String what = express ? "le refus exprès a été notifié" : "la réponse partielle a été reçue";
        return "le jour où " + what + " (" + withWeekday(notified) + ") compte dans les deux mois" + strictExtension();
    }

    String generousFromNotification(LocalDate notified) {
        return "deux mois de date à date (CPC art. 641) à partir du " + withWeekday(notified) + generousExtension();
    }

    /**
     * The referral goes to the CADA in Paris: only the national calendar (Paris's) or the sender's could extend it,
     * never the authority's local holidays. The sender's place is not known yet, so the national calendar counts.
     */
    private static String strictExtension() {
        return ", échéance reportée s'il le faut au premier jour ouvré du calendrier national (CPC art. 642)";
    }

    private static String generousExtension() {
        return strictExtension();
    }

    /** Said once in the referral step where the authority's own holidays would have made a difference. */
    private String localHolidaysIgnored() {
        return " Les jours fériés propres au département de l'administration (" + departement.code()
                + ") ne reportent pas cette échéance : la saisine est adressée à la CADA, qui siège à Paris, et "
                + "seuls le calendrier national ou, le cas échéant, celui du lieu d'où vous l'envoyez peuvent "
                + "compter ; Lanterne retient le calendrier national.";
    }

    private boolean hasLocalHolidays() {
        return departement.isAlsaceMoselle() || departement.isOverseas();
    }

    /** @param remedies what {@link RemedyRule} says of the remedies stated, starting with a space */
    String referralDeadline(ActionWindow window, boolean goodFriday, String remedies) {
        StringBuilder text = new StringBuilder("Saisissez la CADA au plus tard le ")
                .append(withWeekday(window.earliest()));
        if (window.earliest().equals(window.latest())) {
            text.append(" : ").append(window.generousReading()).append('.');
        } else {
            text.append(" : c'est la date sûre quelle que soit la lecture retenue, car les sources divergent. ")
                    .append("Lecture la plus stricte (").append(withWeekday(window.earliest())).append(") : ")
                    .append(window.strictReading()).append(". Lecture la plus favorable (")
                    .append(withWeekday(window.latest())).append(") : ").append(window.generousReading()).append('.');
        }
        for (String note : window.notes()) {
            text.append(' ').append(note);
        }
        if (hasLocalHolidays()) {
            text.append(localHolidaysIgnored());
        }
        if (goodFriday) {
            text.append(GOOD_FRIDAY);
        }
        text.append(" La saisine de la CADA est obligatoire avant tout recours au tribunal administratif.");
        return text.append(remedies).toString();
    }

    /** The error for a referral registered before the first refusal ({@code first}: silence, express or partial). */
    String referralBeforeRefusal(LocalDate registered, boolean silence, boolean express, LocalDate first) {
        String refusal = silence
                ? "le refus implicite, né le " + withWeekday(first) + " un mois après la réception"
                : (express ? "le refus exprès notifié le " : "la réponse partielle reçue le ") + withWeekday(first);
        return "La CADA ne peut enregistrer une saisine qu'après un refus : l'enregistrement du "
                + withWeekday(registered)
                + " précède " + refusal + ", vérifiez les dates.";
    }

    // --- after the referral ------------------------------------------------------------------------------------

    String registered(LocalDate registered, LocalDate referralLatest) {
        String text = "Saisine enregistrée par la CADA le " + withWeekday(registered) + " : son avis est "
                + "attendu dans le mois, et le silence de l'administration pendant deux mois à compter de cette "
                + "date vaut confirmation du refus.";
        if (registered.isAfter(referralLatest)) {
            text += " Attention : cet enregistrement est postérieur au dernier jour de saisine ("
                    + withWeekday(referralLatest) + ") ; si la saisine a été envoyée après ce jour, la CADA peut la "
                    + "déclarer tardive.";
        }
        return text;
    }

    String partialAnswerAfterReferral(LocalDate date) {
        return "Réponse partielle reçue le " + withWeekday(date) + ", après la saisine de la "
                + "CADA : pour le reste, la procédure suit son cours.";
    }

    String opinionReceived(LocalDate opinion) {
        return "Avis de la CADA reçu le "
                + withWeekday(opinion) + ". L'administration doit lui indiquer, dans le mois qui suit, la "
                + "suite qu'elle y donne ; son silence vaut toujours confirmation du refus deux mois "
                + "après l'enregistrement de la saisine.";
    }

    String opinionExpected(LocalDate expected) {
        return "La CADA doit notifier son avis dans le mois qui suit l'enregistrement de la saisine, soit le "
                + withWeekday(expected) + ". Ce délai n'est assorti d'aucune sanction et il est souvent dépassé ; le "
                + "refus confirmé ne l'attend pas.";
    }

    String confirmedRefusal(LocalDate ends, LocalDate extended, boolean goodFriday) {
        StringBuilder text = new StringBuilder("Sans réponse de l'administration, le refus est confirmé le ")
                .append(withWeekday(ends)).append(", deux mois après l'enregistrement de la saisine par la CADA, que "
                        + "l'avis ait été rendu ou non.");
        if (!extended.equals(ends)) {
            text.append(" Le ").append(withWeekday(ends)).append(" n'est pas un jour ouvré")
                    .append(holidaySuffix(ends))
                    .append(" : selon la lecture courante le refus naît ce jour-là ; si l'on étend au silence de "
                            + "l'administration la prorogation de l'article 642 du CPC, il ne naît que le ")
                    .append(withWeekday(extended)).append('.');
            if (goodFriday) {
                text.append(GOOD_FRIDAY);
            }
        }
        return text.toString();
    }

    String writtenConfirmationInTime(LocalDate written) {
        return "Refus confirmé par écrit, notifié le " + withWeekday(written)
                + " après la saisine de la CADA : le délai de recours au tribunal administratif court de cette "
                + "notification.";
    }

    String writtenConfirmationRestarts(LocalDate written) {
        return "Refus confirmé par écrit, notifié le " + withWeekday(written) + " avant l'expiration du délai de "
                + "recours contre le refus implicite : il fait courir un nouveau délai de deux mois (CJA R421-2).";
    }

    String writtenConfirmationRestartsNote(LocalDate written) {
        return "Le refus écrit du " + withWeekday(written) + " a fait repartir le délai.";
    }

    String writtenConfirmationBetweenReadings(LocalDate written) {
        return "Refus confirmé par écrit, notifié le " + withWeekday(written) + ", après la date limite prudente "
                + "mais avant l'expiration du délai franc : selon cette lecture, il fait courir un nouveau "
                + "délai de deux mois (CJA R421-2).";
    }

    String writtenConfirmationBetweenReadingsNote(LocalDate written) {
        return "Le refus écrit du " + withWeekday(written) + " ne fait repartir le délai que si le délai franc est "
                + "retenu.";
    }

    String writtenConfirmationTooLate(LocalDate written) {
        return "Refus confirmé par écrit, notifié le " + withWeekday(written) + ", après l'expiration du délai de "
                + "recours contre le refus implicite : il ne le rouvre pas (CJA R421-2).";
    }

    // --- the readings of the court window (CJA R421-1, R421-2) -------------------------------------------------

    String strictFromConfirmedRefusal(LocalDate ends) {
        return "deux mois de date à date à partir du refus confirmé du " + withWeekday(ends) + ", échéance reportée "
                + "s'il le faut au premier jour ouvré (CJA R421-2 ; CPC art. 641 et 642)";
    }

    /** The délai franc, never stacked on the disputed extension of the refusal's birth. */
    String generousFromConfirmedRefusal(LocalDate ends, LocalDate extended) {
        String unstacked = extended.equals(ends) ? "" : " ; ce délai part du " + withWeekday(ends)
                + ", jour où naît le refus, même si ce n'est pas un jour ouvré : le report de sa naissance au "
                + withWeekday(extended) + " (lecture contestée de l'article 642) ne s'y ajoute pas";
        return "ni le jour du refus ni celui de l'échéance ne comptent, d'où un jour de plus, reporté s'il le faut "
                + "au premier jour ouvré (CJA R421-1 et R421-2 ; CPC art. 642)" + unstacked;
    }

    String strictFromWrittenRefusal(LocalDate notified) {
        return "deux mois de date à date à partir de la notification du " + withWeekday(notified)
                + " (CJA R421-1 ; CPC art. 641 et 642)";
    }

    String generousFromWrittenRefusal() {
        return "ni le jour de la notification ni celui de l'échéance ne comptent, d'où un jour de plus, reporté "
                + "s'il le faut au premier jour ouvré (CJA R421-1 ; CPC art. 642)";
    }

    /** @param remedies what {@link RemedyRule} says of the remedies stated, starting with a space */
    String courtDeadline(ActionWindow court, boolean goodFriday, String remedies) {
        StringBuilder text = new StringBuilder("Saisissez le tribunal administratif au plus tard le ")
                .append(withWeekday(court.earliest())).append(" pour être dans les délais quelle que soit la lecture "
                        + "retenue. Lecture prudente (").append(withWeekday(court.earliest())).append(") : ")
                .append(court.strictReading()).append(". Délai franc, comme le compte le juge administratif, "
                        + "sans autre report (")
                .append(withWeekday(court.latest())).append(") : ").append(court.generousReading()).append('.');
        for (String note : court.notes()) {
            text.append(' ').append(note);
        }
        if (goodFriday) {
            text.append(GOOD_FRIDAY);
        }
        return text.append(remedies).toString();
    }

    // --- the end of the chain ----------------------------------------------------------------------------------

    String fullAnswer(LocalDate end) {
        return "Tous les documents demandés ont été reçus le " + withWeekday(end)
                + " : la demande est satisfaite et aucun délai ne court plus.";
    }

    String withdrawn(LocalDate end) {
        return "Demande retirée le " + withWeekday(end) + " : aucun délai ne court plus. Une nouvelle demande "
                + "ferait courir de nouveaux délais.";
    }

    /** ", jour férié dans le département (Vendredi Saint)" when a holiday, nothing for a weekend. */
    private String holidaySuffix(LocalDate date) {
        return holidays.holidayName(date, departement)
                .map(name -> " (" + name + ", jour férié dans le département " + departement.code() + ")")
                .orElse("");
    }
}
