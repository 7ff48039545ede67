package fr.lanterne.deadlines;

import static fr.lanterne.deadlines.FrenchDates.format;

import fr.lanterne.InvalidInputException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes the CRPA chain of one request: implicit refusal, CADA referral deadline, CADA opinion, confirmed refusal,
 * court deadline; each date with its legal basis, and with the earliest and latest date where readings disagree.
 *
 * <p>Counting: months run from date to same date, a missing day falling back to the month's last day (CPC art. 641,
 * {@link LocalDate#plusMonths}); a deadline to act that ends on a Saturday, Sunday or public holiday moves to the
 * next working day (CPC art. 642). The readings this engine shows side by side, strictest first:
 * <ul>
 * <li>whether the day a period starts from counts in it (the "calendar month" reading the CADA is reported to give
 * for its own referral deadline) or not (CPC art. 641): one day earlier for the referral deadline;</li>
 * <li>whether CPC art. 642 also extends the authority's month of silence, which is a fact and not a deadline to act:
 * the implicit refusal is then born on the next working day, and everything counted from it moves too;</li>
 * <li>whether the court deadline is counted as a plain two months or as a "délai franc", as administrative courts do
 * (the day it starts from and the day it ends on not counted: one more day), never stacked on the disputed
 * extension of the refusal's birth.</li>
 * </ul>
 * The referral deadline is extended on the national calendar only: the referral goes to the CADA in Paris, so the
 * authority's local holidays cannot matter (the sender's could; it is not known yet). Good Friday in 57, 67, 68 is a
 * holiday only in some communes (Code du travail L3134-13): safe dates never count on it.
 * Where an assumption is made about what a fact changes, the step's explanation says so.
 */
public final class DeadlineCalculator {

    private static final String GOOD_FRIDAY = " Le Vendredi saint n'est un jour férié en Alsace-Moselle que dans les "
            + "communes qui ont un temple protestant ou une église mixte (Code du travail, art. L3134-13) : la date "
            + "sûre ne compte pas sur lui, seule la date la plus favorable en tient compte.";
    /** CJA R421-5 and CRPA L112-6 for the referral; the CADA's reasonable delay (opinion 20234834, 21 Sept. 2023). */
    private static final String NOT_OPPOSABLE_REFERRAL = " Si le refus ne mentionnait pas l'obligation de saisir la "
            + "CADA ni le délai pour le faire (voies et délais de recours : CJA R421-5 ; pour un refus implicite, si "
            + "aucun accusé de réception de la demande portant ces mentions ne vous a été remis : CRPA L112-6), ce "
            + "délai de deux mois ne vous est pas opposable ; la CADA demande alors une saisine dans un délai "
            + "raisonnable, en principe un an à compter du jour où vous avez eu connaissance du refus (CADA, avis "
            + "20234834 du 21 septembre 2023).";
    /** CJA R421-5, CRPA L112-6, and CE 11 March 2024 n° 488227 (one year, for a refusal confirmed after the CADA). */
    private static final String NOT_OPPOSABLE_COURT = " Si l'obligation de saisir la CADA, son délai et les voies et "
            + "délais de recours contre le refus confirmé ne vous ont pas été indiqués (CJA R421-5 ; pour un refus "
            + "implicite, dans l'accusé de réception de la demande : CRPA L112-6), ce délai de deux mois ne vous est "
            + "pas opposable, mais le recours doit être formé dans un délai raisonnable, qui ne peut en principe "
            + "excéder un an à compter du jour où vous avez eu connaissance du refus (Conseil d'État, 11 mars 2024, "
            + "n° 488227) ; ne comptez pas sur cette exception.";

    private final PublicHolidays holidays;
    private final Clock clock;

    public DeadlineCalculator(PublicHolidays holidays, Clock clock) {
        this.holidays = Objects.requireNonNull(holidays, "holidays");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The chain, with the stage the request is at today. */
    public DeadlineChain explain(RequestFacts facts) {
        return explain(facts, LocalDate.now(clock));
    }

    /** The chain, with the stage the request is at on a given day (the nightly job's run date). */
    public DeadlineChain explain(RequestFacts facts, LocalDate asOf) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(asOf, "asOf");
        List<Deadline> steps = new Computation(facts).steps();
        return new DeadlineChain(facts.departement().code(), asOf, stage(facts, steps, asOf), steps);
    }

    private static Stage stage(RequestFacts facts, List<Deadline> steps, LocalDate asOf) {
        if (facts.dates().withdrawnOn() != null) {
            return Stage.WITHDRAWN;
        }
        if (facts.dates().answeredOn() != null) {
            return Stage.ANSWERED;
        }
        if (facts.dates().cadaRegisteredOn() != null) {
            if (asOf.isAfter(find(steps, DeadlineStep.COURT_DEADLINE).latest())) {
                return Stage.COURT_DEADLINE_PASSED;
            }
            boolean confirmed = facts.dates().confirmedRefusalOn() != null
                    || asOf.isAfter(find(steps, DeadlineStep.CONFIRMED_REFUSAL).latest());
            if (confirmed) {
                return Stage.CONFIRMED_REFUSAL;
            }
            return facts.dates().cadaOpinionOn() != null ? Stage.CADA_OPINION_GIVEN : Stage.REFERRED_TO_CADA;
        }
        if (asOf.isAfter(find(steps, DeadlineStep.CADA_REFERRAL_DEADLINE).latest())) {
            return Stage.REFERRAL_DEADLINE_PASSED;
        }
        if (facts.dates().refusedOn() != null) {
            return Stage.REFUSED_EXPRESSLY;
        }
        if (facts.dates().partialAnswerOn() != null) {
            return Stage.PARTIALLY_ANSWERED;
        }
        Deadline implicit = find(steps, DeadlineStep.IMPLICIT_REFUSAL);
        return asOf.isAfter(implicit.latest()) ? Stage.REFUSED_IMPLICITLY : Stage.WAITING_FOR_ANSWER;
    }

    private static Deadline find(List<Deadline> steps, DeadlineStep step) {
        return steps.stream().filter(deadline -> deadline.step() == step).findFirst()
                .orElseThrow(() -> new IllegalStateException("No step " + step + " in " + steps));
    }

    /** A window for acting: the date safe under every reading, the most generous one, and what each rests on. */
    private record Window(LocalDate earliest, LocalDate latest, String strictReading, String generousReading,
            List<String> notes) {

        Window {
            notes = List.copyOf(notes);
        }

        Window widenedTo(Window later, String note) {
            if (!later.latest.isAfter(latest)) {
                return withNote(note);
            }
            List<String> all = new ArrayList<>(notes);
            all.add(note);
            return new Window(earliest, later.latest, strictReading, later.generousReading, all);
        }

        boolean disputed() {
            return !earliest.equals(latest);
        }

        Window withNote(String note) {
            List<String> all = new ArrayList<>(notes);
            all.add(note);
            return new Window(earliest, latest, strictReading, generousReading, all);
        }
    }

    /** An answer or refusal before the referral to the CADA, in the order they happened. */
    private enum AnswerKind { PARTIAL, EXPRESS, SILENCE }

    private record Answer(LocalDate date, AnswerKind kind) {
    }

    /** The computation for one request; holds the facts so the steps read in the order of the chain. */
    private final class Computation {

        private final RequestFacts facts;
        private final Departement departement;
        private final List<Deadline> steps = new ArrayList<>();
        /** The last day of the month of silence (CPC art. 641), and that day moved by CPC art. 642. */
        private final LocalDate silenceEnds;
        private final LocalDate silenceEndsExtended;
        /** Whether the month of silence counts in the referral window (no written refusal came first). */
        private boolean silenceCounted;

        Computation(RequestFacts facts) {
            this.facts = facts;
            this.departement = facts.departement();
            this.silenceEnds = facts.dates().receivedOn().plusMonths(1);
            this.silenceEndsExtended = holidays.workingDayOnOrAfter(silenceEnds, departement);
        }

        List<Deadline> steps() {
            if (facts.sent() != null) {
                steps.add(new Deadline(DeadlineStep.SENT, DeadlineKind.FACT, facts.sent(), facts.sent(),
                        List.of(LegalBasis.CRPA_R311_13), "Demande envoyée le " + format(facts.sent())
                                + ". Les délais ne courent qu'à partir de sa réception par l'administration."));
            }
            steps.add(new Deadline(DeadlineStep.RECEIVED, DeadlineKind.FACT, facts.dates().receivedOn(), facts.dates().receivedOn(),
                    List.of(LegalBasis.CRPA_R311_13), "Demande reçue par l'administration le "
                            + format(facts.dates().receivedOn()) + " : le délai d'un mois dont elle dispose pour répondre "
                            + "court à partir de cette date."));
            Window referral = beforeReferral();
            if (facts.dates().cadaRegisteredOn() != null) {
                afterReferral(referral);
            }
            if (facts.end() != null) {
                endChain();
            }
            return steps;
        }

        /** From receipt to the referral deadline; returns the referral window. */
        private Window beforeReferral() {
            List<Answer> answers = new ArrayList<>();
            LocalDate registered = facts.dates().cadaRegisteredOn();
            if (facts.dates().partialAnswerOn() != null && (registered == null || !facts.dates().partialAnswerOn().isAfter(registered))) {
                answers.add(new Answer(facts.dates().partialAnswerOn(), AnswerKind.PARTIAL));
            }
            if (facts.dates().refusedOn() != null) {
                answers.add(new Answer(facts.dates().refusedOn(), AnswerKind.EXPRESS));
            }
            // A written refusal notified by the last day of the month of silence means there was no silence.
            boolean silence = facts.dates().refusedOn() == null || facts.dates().refusedOn().isAfter(silenceEnds);
            if (silence) {
                answers.add(new Answer(silenceEnds, AnswerKind.SILENCE));
            }
            // On the same day, an answer comes before the silence it interrupts, and a partial answer before a refusal.
            answers.sort(Comparator.comparing(Answer::date).thenComparing(Answer::kind));

            Window window = null;
            for (Answer answer : answers) {
                window = switch (answer.kind()) {
                    case PARTIAL -> partialAnswer(answer.date(), window);
                    case EXPRESS -> expressRefusal(answer.date(), window);
                    case SILENCE -> implicitRefusal(window);
                };
            }
            checkReferralAfterRefusal(answers.get(0));
            steps.add(referralDeadline(window, answers.get(0)));
            return window;
        }

        private Window implicitRefusal(Window current) {
            silenceCounted = true;
            boolean afterPartial = current != null;
            List<LegalBasis> basis = new ArrayList<>(List.of(LegalBasis.CRPA_R311_12, LegalBasis.CRPA_R311_13,
                    LegalBasis.CPC_641));
            StringBuilder text = new StringBuilder(afterPartial ? "Pour la partie non communiquée, sans" : "Sans")
                    .append(" réponse, la demande est réputée refusée le ").append(format(silenceEnds))
                    .append(", un mois après sa réception (même quantième, ou dernier jour du mois s'il n'existe pas).");
            if (!silenceEndsExtended.equals(silenceEnds)) {
                basis.add(LegalBasis.CPC_642);
                text.append(" Le ").append(format(silenceEnds)).append(" n'est pas un jour ouvré")
                        .append(holidaySuffix(silenceEnds, departement))
                        .append(" : les sources divergent. Le refus implicite est un fait et non un délai pour agir,"
                                + " et selon la lecture courante il naît ce jour-là ; si l'on étend au délai de réponse"
                                + " de l'administration la prorogation de l'article 642 du CPC, il ne naît que le ")
                        .append(format(silenceEndsExtended)).append('.');
                if (goodFridayBetween(silenceEnds, silenceEndsExtended)) {
                    basis.add(LegalBasis.CT_L3134_13);
                    text.append(GOOD_FRIDAY);
                }
            }
            text.append(" La CADA ne peut être saisie qu'après ce refus : à partir du ")
                    .append(format(silenceEndsExtended.plusDays(1))).append(" sans risque.");
            steps.add(new Deadline(DeadlineStep.IMPLICIT_REFUSAL, DeadlineKind.IMPLICIT_DECISION, silenceEnds,
                    silenceEndsExtended, basis, text.toString()));
            Window fromSilence = fromSilence();
            if (current == null) {
                return fromSilence;
            }
            return current.widenedTo(fromSilence, "Si la réponse partielle ne refuse pas expressément le reste, la "
                    + "CADA demande d'attendre ce refus implicite, et le délai de deux mois court de lui.");
        }

        private Window partialAnswer(LocalDate date, Window current) {
            Window fromAnswer = fromNotification(date, "la réponse partielle a été reçue");
            String text;
            Window next;
            if (current == null) {
                text = "Réponse partielle reçue le " + format(date) + ". Si elle refuse expressément le reste, le délai"
                        + " de deux mois pour saisir la CADA court de cette date (CRPA R343-1) ; sinon, le silence "
                        + "gardé sur le reste vaut refus au terme du mois (CRPA R311-13).";
                next = fromAnswer;
            } else if (!date.isAfter(current.latest())) {
                text = "Réponse partielle reçue le " + format(date) + ", après le refus. Si elle refuse expressément "
                        + "le reste, elle peut faire courir un nouveau délai de deux mois ; sinon le délai en cours "
                        + "reste inchangé.";
                next = current.widenedTo(fromAnswer, "La réponse partielle du " + format(date) + " ne change le "
                        + "délai que si elle refuse expressément le reste : la date la plus stricte n'en tient pas "
                        + "compte.");
            } else {
                text = "Réponse partielle reçue le " + format(date) + ", après l'expiration du délai de saisine de la "
                        + "CADA : elle ne le rouvre pas. Pour obtenir le reste, renouvelez la demande.";
                next = current;
            }
            steps.add(new Deadline(DeadlineStep.PARTIAL_ANSWER, DeadlineKind.FACT, date, date,
                    List.of(LegalBasis.CRPA_R343_1, LegalBasis.CRPA_R311_13), text));
            return next;
        }

        private Window expressRefusal(LocalDate date, Window current) {
            Window fromRefusal = fromNotification(date, "le refus exprès a été notifié");
            String text;
            Window next;
            List<LegalBasis> basis = new ArrayList<>(List.of(LegalBasis.CRPA_R343_1));
            if (current == null) {
                text = "Refus exprès notifié le " + format(date) + " : le délai de deux mois pour saisir la CADA "
                        + "court à partir de cette notification, et la CADA peut être saisie dès maintenant.";
                next = fromRefusal;
            } else if (!date.isAfter(current.earliest())) {
                basis.add(LegalBasis.CJA_R421_2);
                text = "Refus exprès notifié le " + format(date) + ", avant l'expiration du délai en cours : il fait "
                        + "courir un nouveau délai de deux mois (CRPA R343-1, qui compte le délai de la notification "
                        + "du refus, et par analogie CJA R421-2).";
                next = fromRefusal.withNote("Le refus exprès notifié le " + format(date) + " a fait repartir le "
                        + "délai de deux mois.");
            } else if (!date.isAfter(current.latest())) {
                basis.add(LegalBasis.CJA_R421_2);
                text = "Refus exprès notifié le " + format(date) + ", après la date limite la plus stricte ("
                        + format(current.earliest()) + ") mais avant la plus favorable : selon celle-ci, il fait "
                        + "courir un nouveau délai de deux mois (par analogie avec CJA R421-2).";
                next = current.widenedTo(fromRefusal, "Le refus exprès du " + format(date) + " ne fait repartir le "
                        + "délai que selon la lecture la plus favorable.");
            } else {
                text = "Refus exprès notifié le " + format(date) + ", après l'expiration du délai de saisine de la "
                        + "CADA : il confirme un refus devenu définitif et, en principe, ne rouvre pas ce délai. Pour "
                        + "saisir la CADA sans risque, renouvelez la demande : une nouvelle demande fait courir de "
                        + "nouveaux délais.";
                next = current;
            }
            steps.add(new Deadline(DeadlineStep.EXPRESS_REFUSAL, DeadlineKind.FACT, date, date, basis, text));
            return next;
        }

        /** Two months from the implicit refusal (CRPA R343-1). */
        private Window fromSilence() {
            LocalDate strict = holidays.workingDayOnOrAfter(silenceEnds.plusMonths(2).minusDays(1),
                    Departement.CADA_SEAT);
            LocalDate generous = holidays.workingDayOnOrAfter(silenceEndsExtended.plusMonths(2),
                    Departement.CADA_SEAT);
            String strictReading = "le jour où naît le refus implicite ("
                    + format(silenceEnds) + ") compte dans les deux mois" + strictExtension();
            String generousReading = "deux mois de date à date (CPC art. 641) à partir du "
                    + format(silenceEndsExtended)
                    + (silenceEndsExtended.equals(silenceEnds) ? "" : ", date du refus prorogée par l'article 642")
                    + generousExtension();
            return new Window(strict, generous, strictReading, generousReading, List.of());
        }

        /** Two months from the notification of an express refusal or a partial answer (CRPA R343-1). */
        private Window fromNotification(LocalDate notified, String what) {
            LocalDate strict = holidays.workingDayOnOrAfter(notified.plusMonths(2).minusDays(1),
                    Departement.CADA_SEAT);
            LocalDate generous = holidays.workingDayOnOrAfter(notified.plusMonths(2), Departement.CADA_SEAT);
            String strictReading = "le jour où " + what + " (" + format(notified)
                    + ") compte dans les deux mois" + strictExtension();
            String generousReading = "deux mois de date à date (CPC art. 641) à partir du "
                    + format(notified) + generousExtension();
            return new Window(strict, generous, strictReading, generousReading, List.of());
        }

        /**
         * The referral goes to the CADA in Paris: only the national calendar (Paris's) or the sender's could extend it,
         * never the authority's local holidays. The sender's place is not known yet, so the national calendar counts.
         */
        private String strictExtension() {
            return ", échéance reportée s'il le faut au premier jour ouvré du calendrier national (CPC art. 642)";
        }

        private String generousExtension() {
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

        /*
         * Whether the two months can be held against the requester depends on the remedies being stated: in the
         * acknowledgement of receipt for an implicit refusal (CRPA L112-6 al. 1), in the refusal itself for an express
         * one (CJA R421-5). Unknown: the condition is explained; known: it is applied.
         */
        private String referralRemedies(boolean express) {
            Boolean mentioned = facts.remediesMentioned();
            if (mentioned == null) {
                return NOT_OPPOSABLE_REFERRAL;
            }
            if (mentioned) {
                return " Vous avez indiqué que " + (express ? "le refus" : "l'accusé de réception de la demande")
                        + " mentionnait les voies et délais de recours : ce délai vous est opposable.";
            }
            return (express ? " Vous avez indiqué que le refus ne mentionnait pas les voies et délais de recours "
                    + "(CJA R421-5)" : " Vous avez indiqué que l'accusé de réception de la demande ne mentionnait pas "
                    + "les voies et délais de recours, ou qu'aucun ne vous a été remis (CRPA L112-6, alinéa 1)")
                    + " : ce délai de deux mois ne vous est pas opposable. Saisissez tout de même la CADA dans un délai "
                    + "raisonnable, en principe un an à compter du jour où vous avez eu connaissance du refus (CADA, "
                    + "avis 20234834 du 21 septembre 2023) ; la date ci-dessus reste la plus sûre.";
        }

        /*
         * The flag speaks of the acknowledgement of receipt or of the first refusal: it settles an implicit
         * confirmation (CRPA L112-6) but not a refusal written after the CADA, whose own mentions count (CJA R421-5).
         */
        private String courtRemedies(boolean fromWritten) {
            Boolean mentioned = facts.remediesMentioned();
            if (mentioned == null || fromWritten) {
                return NOT_OPPOSABLE_COURT;
            }
            if (mentioned) {
                return " Vous avez indiqué que les voies et délais de recours vous avaient été indiqués : ce délai "
                        + "vous est opposable.";
            }
            return " Vous avez indiqué que les voies et délais de recours ne vous avaient pas été indiqués (CRPA "
                    + "L112-6, alinéa 1 ; CJA R421-5) : ce délai de deux mois ne vous est pas opposable, mais le recours "
                    + "doit être formé dans un délai raisonnable, qui ne peut en principe excéder un an à compter du "
                    + "jour où vous avez eu connaissance du refus (Conseil d'État, 11 mars 2024, n° 488227) ; la date "
                    + "ci-dessus reste la plus sûre.";
        }

        private Deadline referralDeadline(Window window, Answer first) {
            List<LegalBasis> basis = new ArrayList<>(List.of(LegalBasis.CRPA_R343_1, LegalBasis.CPC_641,
                    LegalBasis.CPC_642, LegalBasis.CRPA_L342_1));
            if (first.kind() != AnswerKind.EXPRESS) {
                basis.add(1, LegalBasis.CRPA_R311_13);
            }
            StringBuilder text = new StringBuilder("Saisissez la CADA au plus tard le ")
                    .append(format(window.earliest()));
            if (window.earliest().equals(window.latest())) {
                text.append(" : ").append(window.generousReading()).append('.');
            } else {
                text.append(" : c'est la date sûre quelle que soit la lecture retenue, car les sources divergent. ")
                        .append("Lecture la plus stricte (").append(format(window.earliest())).append(") : ")
                        .append(window.strictReading()).append(". Lecture la plus favorable (")
                        .append(format(window.latest())).append(") : ").append(window.generousReading()).append('.');
            }
            for (String note : window.notes()) {
                text.append(' ').append(note);
            }
            if (hasLocalHolidays()) {
                text.append(localHolidaysIgnored());
            }
            // The generous reading counts from the silence extended by the authority's holidays (its own fact).
            if (silenceCounted && window.disputed() && goodFridayBetween(silenceEnds, silenceEndsExtended)) {
                basis.add(LegalBasis.CT_L3134_13);
                text.append(GOOD_FRIDAY);
            }
            text.append(" La saisine de la CADA est obligatoire avant tout recours au tribunal administratif.");
            text.append(referralRemedies(first.kind() == AnswerKind.EXPRESS));
            return new Deadline(DeadlineStep.CADA_REFERRAL_DEADLINE, DeadlineKind.ACTION_DEADLINE, window.earliest(),
                    window.latest(), basis, text.toString());
        }

        private void checkReferralAfterRefusal(Answer first) {
            LocalDate registered = facts.dates().cadaRegisteredOn();
            if (registered == null) {
                return;
            }
            boolean premature = first.kind() == AnswerKind.SILENCE ? !registered.isAfter(first.date())
                    : registered.isBefore(first.date());
            if (premature) {
                String refusal = first.kind() == AnswerKind.SILENCE
                        ? "le refus implicite, né le " + format(first.date()) + " un mois après la réception"
                        : (first.kind() == AnswerKind.EXPRESS ? "le refus exprès notifié le "
                                : "la réponse partielle reçue le ") + format(first.date());
                throw new InvalidInputException("La CADA ne peut enregistrer une saisine qu'après un refus : "
                        + "l'enregistrement du " + format(registered) + " précède " + refusal + ", vérifiez les dates.",
                        Map.of("field", "cadaRegistered"));
            }
        }

        /** From the CADA's registration of the referral to the court deadline. */
        private void afterReferral(Window referral) {
            LocalDate registered = facts.dates().cadaRegisteredOn();
            String registeredText = "Saisine enregistrée par la CADA le " + format(registered) + " : son avis est "
                    + "attendu dans le mois, et le silence de l'administration pendant deux mois à compter de cette "
                    + "date vaut confirmation du refus.";
            if (registered.isAfter(referral.latest())) {
                registeredText += " Attention : cet enregistrement est postérieur au dernier jour de saisine ("
                        + format(referral.latest()) + ") ; si la saisine a été envoyée après ce jour, la CADA peut la "
                        + "déclarer tardive.";
            }
            steps.add(new Deadline(DeadlineStep.CADA_REGISTERED, DeadlineKind.FACT, registered, registered,
                    List.of(LegalBasis.CRPA_R343_3, LegalBasis.CRPA_L342_1), registeredText));

            if (facts.dates().partialAnswerOn() != null && facts.dates().partialAnswerOn().isAfter(registered)) {
                steps.add(new Deadline(DeadlineStep.PARTIAL_ANSWER, DeadlineKind.FACT, facts.dates().partialAnswerOn(),
                        facts.dates().partialAnswerOn(), List.of(LegalBasis.CRPA_R343_5),
                        "Réponse partielle reçue le " + format(facts.dates().partialAnswerOn()) + ", après la saisine de la "
                                + "CADA : pour le reste, la procédure suit son cours."));
            }

            LocalDate opinion = facts.dates().cadaOpinionOn();
            if (opinion != null) {
                steps.add(new Deadline(DeadlineStep.CADA_OPINION, DeadlineKind.FACT, opinion, opinion,
                        List.of(LegalBasis.CRPA_R343_3, LegalBasis.CRPA_R343_4, LegalBasis.CRPA_R343_5),
                        "Avis de la CADA reçu le "
                                + format(opinion) + ". L'administration doit lui indiquer, dans le mois qui suit, la "
                                + "suite qu'elle y donne ; son silence vaut toujours confirmation du refus deux mois "
                                + "après l'enregistrement de la saisine."));
            } else {
                LocalDate expected = registered.plusMonths(1);
                steps.add(new Deadline(DeadlineStep.CADA_OPINION, DeadlineKind.EXPECTED, expected, expected,
                        List.of(LegalBasis.CRPA_R343_3, LegalBasis.CPC_641), "La CADA doit notifier son avis dans le "
                                + "mois qui suit l'enregistrement de la saisine, soit le " + format(expected)
                                + ". Ce délai n'est assorti d'aucune sanction et il est souvent dépassé ; le refus "
                                + "confirmé ne l'attend pas."));
            }

            LocalDate confirmedEnds = registered.plusMonths(2);
            LocalDate confirmedEndsExtended = holidays.workingDayOnOrAfter(confirmedEnds, departement);
            LocalDate written = facts.dates().confirmedRefusalOn();
            Window court;
            if (written != null && !written.isAfter(confirmedEnds)) {
                steps.add(writtenConfirmation(written, "Refus confirmé par écrit, notifié le " + format(written)
                        + " après la saisine de la CADA : le délai de recours au tribunal administratif court de "
                        + "cette notification."));
                court = courtFromWrittenRefusal(written);
            } else {
                steps.add(confirmedRefusal(confirmedEnds, confirmedEndsExtended));
                court = courtFromImplicitRefusal(confirmedEnds, confirmedEndsExtended);
                if (written != null) {
                    court = writtenAfterImplicit(written, court);
                }
            }
            steps.add(courtDeadline(court, written != null && !written.isAfter(confirmedEnds)));
        }

        private Deadline confirmedRefusal(LocalDate ends, LocalDate extended) {
            List<LegalBasis> basis = new ArrayList<>(List.of(LegalBasis.CRPA_R343_5, LegalBasis.CRPA_R343_4,
                    LegalBasis.CPC_641));
            StringBuilder text = new StringBuilder("Sans réponse de l'administration, le refus est confirmé le ")
                    .append(format(ends)).append(", deux mois après l'enregistrement de la saisine par la CADA, que "
                            + "l'avis ait été rendu ou non.");
            if (!extended.equals(ends)) {
                basis.add(LegalBasis.CPC_642);
                text.append(" Le ").append(format(ends)).append(" n'est pas un jour ouvré")
                        .append(holidaySuffix(ends, departement))
                        .append(" : selon la lecture courante le refus naît ce jour-là ; si l'on étend au silence de "
                                + "l'administration la prorogation de l'article 642 du CPC, il ne naît que le ")
                        .append(format(extended)).append('.');
                if (goodFridayBetween(ends, extended)) {
                    basis.add(LegalBasis.CT_L3134_13);
                    text.append(GOOD_FRIDAY);
                }
            }
            return new Deadline(DeadlineStep.CONFIRMED_REFUSAL, DeadlineKind.IMPLICIT_DECISION, ends, extended, basis,
                    text.toString());
        }

        private Deadline writtenConfirmation(LocalDate date, String text) {
            return new Deadline(DeadlineStep.EXPRESS_CONFIRMED_REFUSAL, DeadlineKind.FACT, date, date,
                    List.of(LegalBasis.CRPA_R343_3, LegalBasis.CJA_R421_1), text);
        }

        /**
         * Two months from the confirmed refusal's birth. The délai franc adds a day; it is not stacked on the disputed
         * extension of the refusal's birth by CPC art. 642: the court counts from the day the refusal is born.
         */
        private Window courtFromImplicitRefusal(LocalDate ends, LocalDate extended) {
            LocalDate strict = safeWorkingDay(ends.plusMonths(2));
            LocalDate generous = holidays.workingDayOnOrAfter(ends.plusMonths(2).plusDays(1), departement);
            String unstacked = extended.equals(ends) ? "" : " ; ce délai part du " + format(ends)
                    + ", jour où naît le refus, même si ce n'est pas un jour ouvré : le report de sa naissance au "
                    + format(extended) + " (lecture contestée de l'article 642) ne s'y ajoute pas";
            return new Window(strict, generous, "deux mois de date à date à partir du refus confirmé du "
                    + format(ends) + ", échéance reportée s'il le faut au premier jour ouvré (CJA R421-2 ; CPC art. "
                    + "641 et 642)",
                    "ni le jour du refus ni celui de l'échéance ne comptent, d'où un jour de plus, reporté s'il le faut "
                            + "au premier jour ouvré (CJA R421-1 et R421-2 ; CPC art. 642)" + unstacked, List.of());
        }

        private Window courtFromWrittenRefusal(LocalDate notified) {
            LocalDate strict = safeWorkingDay(notified.plusMonths(2));
            LocalDate generous = holidays.workingDayOnOrAfter(notified.plusMonths(2).plusDays(1), departement);
            return new Window(strict, generous, "deux mois de date à date à partir de la notification du "
                    + format(notified) + " (CJA R421-1 ; CPC art. 641 et 642)",
                    "ni le jour de la notification ni celui de l'échéance ne comptent, d'où un jour de plus, reporté "
                            + "s'il le faut au premier jour ouvré (CJA R421-1 ; CPC art. 642)", List.of());
        }

        /** A written refusal after the implicit confirmation restarts the court deadline if it is still open. */
        private Window writtenAfterImplicit(LocalDate written, Window court) {
            Window fromWritten = courtFromWrittenRefusal(written);
            String text;
            Window next;
            if (!written.isAfter(court.earliest())) {
                text = "Refus confirmé par écrit, notifié le " + format(written) + " avant l'expiration du délai de "
                        + "recours contre le refus implicite : il fait courir un nouveau délai de deux mois "
                        + "(CJA R421-2).";
                next = fromWritten.withNote("Le refus écrit du " + format(written) + " a fait repartir le délai.");
            } else if (!written.isAfter(court.latest())) {
                text = "Refus confirmé par écrit, notifié le " + format(written) + ", après la date limite prudente "
                        + "mais avant l'expiration du délai franc : selon cette lecture, il fait courir un nouveau "
                        + "délai de deux mois (CJA R421-2).";
                next = court.widenedTo(fromWritten, "Le refus écrit du " + format(written) + " ne fait repartir le "
                        + "délai que si le délai franc est retenu.");
            } else {
                text = "Refus confirmé par écrit, notifié le " + format(written) + ", après l'expiration du délai de "
                        + "recours contre le refus implicite : il ne le rouvre pas (CJA R421-2).";
                next = court;
            }
            steps.add(writtenConfirmation(written, text));
            return next;
        }

        private Deadline courtDeadline(Window court, boolean fromWritten) {
            List<LegalBasis> basis = new ArrayList<>();
            basis.add(fromWritten ? LegalBasis.CJA_R421_1 : LegalBasis.CJA_R421_2);
            if (!fromWritten) {
                basis.add(LegalBasis.CJA_R421_1);
            }
            basis.addAll(List.of(LegalBasis.CRPA_L342_1, LegalBasis.CPC_641, LegalBasis.CPC_642));
            StringBuilder text = new StringBuilder("Saisissez le tribunal administratif au plus tard le ")
                    .append(format(court.earliest())).append(" pour être dans les délais quelle que soit la lecture "
                            + "retenue. Lecture prudente (").append(format(court.earliest())).append(") : ")
                    .append(court.strictReading()).append(". Délai franc, comme le compte le juge administratif, "
                            + "sans autre report (")
                    .append(format(court.latest())).append(") : ").append(court.generousReading()).append('.');
            for (String note : court.notes()) {
                text.append(' ').append(note);
            }
            if (goodFridayBetween(court.earliest(), court.latest())
                    || goodFridayBetween(court.earliest(), holidays.workingDayOnOrAfter(court.earliest(), departement))) {
                basis.add(LegalBasis.CT_L3134_13);
                text.append(GOOD_FRIDAY);
            }
            text.append(courtRemedies(fromWritten));
            return new Deadline(DeadlineStep.COURT_DEADLINE, DeadlineKind.ACTION_DEADLINE, court.earliest(),
                    court.latest(), basis, text.toString());
        }

        /** Whether a local Good Friday lies between two dates (both included). */
        private boolean goodFridayBetween(LocalDate from, LocalDate to) {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                if (isLocalGoodFriday(day)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Good Friday in Moselle, Bas-Rhin and Haut-Rhin is a holiday only in communes with a Protestant or mixed
         * church (Code du travail L3134-13): a date that is safe must not count on it.
         */
        private boolean isLocalGoodFriday(LocalDate day) {
            return departement.isAlsaceMoselle() && day.getDayOfWeek() == DayOfWeek.FRIDAY
                    && day.getMonthValue() != 12 && holidays.isHoliday(day, departement)
                    && !holidays.isHoliday(day, Departement.CADA_SEAT);
        }

        /** The working day on or after a date, not counting on a local Good Friday. */
        private LocalDate safeWorkingDay(LocalDate date) {
            LocalDate day = date;
            while (!holidays.isWorkingDay(day, departement) && !isLocalGoodFriday(day)) {
                day = day.plusDays(1);
            }
            return day;
        }

        /**
         * A full answer or a withdrawal ends the chain: what was still to come no longer applies. Implicit decisions
         * not yet born and deadlines still open on that day are dropped; what happened before stays as history.
         */
        private void endChain() {
            LocalDate end = facts.end();
            steps.removeIf(step -> switch (step.kind()) {
                case FACT -> false;
                case IMPLICIT_DECISION -> !step.earliest().isBefore(end);
                case EXPECTED, ACTION_DEADLINE -> !step.latest().isBefore(end);
            });
            if (facts.dates().answeredOn() != null) {
                steps.add(new Deadline(DeadlineStep.FULL_ANSWER, DeadlineKind.FACT, end, end, List.of(),
                        "Tous les documents demandés ont été reçus le " + format(end)
                                + " : la demande est satisfaite et aucun délai ne court plus."));
            } else {
                steps.add(new Deadline(DeadlineStep.WITHDRAWN, DeadlineKind.FACT, end, end, List.of(),
                        "Demande retirée le " + format(end) + " : aucun délai ne court plus. Une nouvelle demande "
                                + "ferait courir de nouveaux délais."));
            }
        }
    }

    /** ", jour férié dans le département (Vendredi Saint)" when a holiday, nothing for a weekend. */
    private String holidaySuffix(LocalDate date, Departement departement) {
        return holidays.holidayName(date, departement)
                .map(name -> " (" + name + ", jour férié dans le département " + departement.code() + ")")
                .orElse("");
    }
}
