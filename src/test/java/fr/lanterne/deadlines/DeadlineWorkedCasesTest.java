package fr.lanterne.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Worked cases of the CRPA chain, each citing the rule it exercises. Every expected date was worked out by hand
 * from a calendar (weekdays checked with Python's calendar module; Easter from the Gregorian computus: 5 April 2026,
 * 28 March 2027, 16 April 2028), never by running the engine.
 *
 * <p>Notation in the comments: R receipt, D = R + 1 month (CPC 641), ext(x) = x or the next working day (CPC 642),
 * extParis = the same with the holidays of Paris, where the CADA sits. Expected windows:
 * <ul>
 * <li>implicit refusal: [D, ext(D)] (CRPA R311-13; whether CPC 642 extends the authority's silence is disputed);</li>
 * <li>referral after silence: [extParis(D + 2 months - 1 day), ext(ext(D) + 2 months)] (CRPA R343-1);</li>
 * <li>referral after a refusal notified on N: [extParis(N + 2 months - 1 day), ext(N + 2 months)];</li>
 * <li>confirmed refusal: [G + 2 months, ext(G + 2 months)] for a CADA registration on G (CRPA R343-5);</li>
 * <li>court after it (C): [ext(C + 2 months), ext(ext(C) + 2 months + 1 day)], the latter a délai franc
 * (CJA R421-2); after a written refusal notified on X: [ext(X + 2 months), ext(X + 2 months + 1 day)]
 * (CJA R421-1).</li>
 * </ul>
 * The referral deadline is extended on the national calendar only: it goes to the CADA in Paris, so the
 * authority's local holidays do not count. Good Friday in 57, 67, 68 is a holiday only in some communes (Code du
 * travail L3134-13): a safe (earliest) date never counts on it. The articles column lists every article the step
 * cites, in any order. "-" for both dates (and the articles) means the step does not exist.
 */
class DeadlineWorkedCasesTest {

    private final DeadlineCalculator calculator = new DeadlineCalculator(new PublicHolidays(),
            Clock.fixed(Instant.parse("2026-01-01T08:00:00Z"), ZoneId.of("Europe/Paris")));

    @ParameterizedTest(name = "{index}. {0} [{1}]")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # Month ends: months run date to date; a missing day falls back to the month's last day.
            31 janvier 2026 + 1 mois = samedi 28 février, prorogé au lundi 2 mars | CPC art. 641, 642 | 75 | received=2026-01-31 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641, CPC art. 642 | 2026-02-28 | 2026-03-02
            31 janvier 2028 + 1 mois = mardi 29 février (année bissextile) | CPC art. 641 | 75 | received=2028-01-31 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641 | 2028-02-29 | 2028-02-29
            30 janvier 2027 + 1 mois = dimanche 28 février, prorogé au lundi 1er mars | CPC art. 641, 642 | 75 | received=2027-01-30 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641, CPC art. 642 | 2027-02-28 | 2027-03-01
            31 mars 2026 + 1 mois = jeudi 30 avril | CPC art. 641 | 75 | received=2026-03-31 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641 | 2026-04-30 | 2026-04-30
            29 février 2028 + 1 mois = mercredi 29 mars | CPC art. 641 | 75 | received=2028-02-29 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641 | 2028-03-29 | 2028-03-29
            31 août 2026 + 1 mois = mercredi 30 septembre | CPC art. 641 | 75 | received=2026-08-31 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641 | 2026-09-30 | 2026-09-30
            Saisine CADA après un refus du samedi 28 février : lundi 27 avril (strict) à lundi 4 mai (refus prorogé, puis samedi 2 mai prorogé) | CRPA R343-1 ; CPC art. 641, 642 | 75 | received=2026-01-31 | CADA_REFERRAL_DEADLINE | CRPA R343-1, CRPA R311-13, CPC art. 641, CPC art. 642, CRPA L342-1 | 2026-04-27 | 2026-05-04
            Saisine CADA après un refus du 30 décembre : 27 février (samedi) et 28 février 2027 (dimanche) mènent tous deux au lundi 1er mars | CRPA R343-1 ; CPC art. 641, 642 | 75 | received=2026-11-30 | CADA_REFERRAL_DEADLINE | CRPA R343-1, CRPA R311-13, CPC art. 641, CPC art. 642, CRPA L342-1 | 2027-03-01 | 2027-03-01
            # Easter-based holidays.
            Refus le lundi de Pâques 2026 (6 avril), prorogé au mardi 7 | CRPA R311-13 ; CPC art. 642 | 06 | received=2026-03-06 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641, CPC art. 642 | 2026-04-06 | 2026-04-07
            Refus le jeudi de l'Ascension 2026 (14 mai), prorogé au vendredi 15 | CRPA R311-13 ; CPC art. 642 | 06 | received=2026-04-14 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641, CPC art. 642 | 2026-05-14 | 2026-05-15
            Refus le lundi de Pentecôte 2027 (17 mai), prorogé au mardi 18 | CRPA R311-13 ; CPC art. 642 | 06 | received=2027-04-17 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641, CPC art. 642 | 2027-05-17 | 2027-05-18
            Saisine CADA : dimanche de Pâques puis lundi de Pâques 2028, échéance au mardi 18 avril | CRPA R343-1 ; CPC art. 642 | 75 | received=2028-02-01 refused=2028-02-17 | CADA_REFERRAL_DEADLINE | CRPA R343-1, CPC art. 641, CPC art. 642, CRPA L342-1 | 2028-04-18 | 2028-04-18
            Saisine CADA : mercredi 24 mai (strict) ou Ascension 2028 prorogée au vendredi 26 | CRPA R343-1 ; CPC art. 642 | 75 | received=2028-03-01 refused=2028-03-25 | CADA_REFERRAL_DEADLINE | CRPA R343-1, CPC art. 641, CPC art. 642, CRPA L342-1 | 2028-05-24 | 2028-05-26
            Tribunal : lundi de Pentecôte 2028 (5 juin) prorogé au mardi 6, qui est aussi le jour franc | CJA R421-1 ; CPC art. 642 | 75 | received=2028-01-10 registered=2028-03-01 confirmed=2028-04-05 | COURT_DEADLINE | CJA R421-1, CRPA L342-1, CPC art. 641, CPC art. 642 | 2028-06-06 | 2028-06-06
            # Alsace-Moselle: Good Friday and 26 December are holidays in 57, 67, 68 only.
            Moselle : refus le Vendredi saint 2026, prorogé par le week-end et le lundi de Pâques au mardi 7 avril | CPC art. 642 (droit local) | 57 | received=2026-03-03 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641, CPC art. 642, Code du travail L3134-13 | 2026-04-03 | 2026-04-07
            Alpes-Maritimes : le Vendredi saint 2026 est ouvré, pas de prorogation | CPC art. 642 | 06 | received=2026-03-03 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641 | 2026-04-03 | 2026-04-03
            Bas-Rhin : refus le mardi 26 décembre 2028, férié, prorogé au mercredi 27 | CPC art. 642 (droit local) | 67 | received=2028-11-26 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641, CPC art. 642 | 2028-12-26 | 2028-12-27
            Meurthe-et-Moselle : le 26 décembre 2028 est ouvré | CPC art. 642 | 54 | received=2028-11-26 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641 | 2028-12-26 | 2028-12-26
            Haut-Rhin : saisine CADA jeudi 25 mars 2027 (strict) ou vendredi 26 ; le Vendredi saint local ne compte pas, la CADA siège à Paris | CRPA R343-1 ; CPC art. 642 (calendrier national) | 68 | received=2027-01-04 refused=2027-01-26 | CADA_REFERRAL_DEADLINE | CRPA R343-1, CPC art. 641, CPC art. 642, CRPA L342-1 | 2027-03-25 | 2027-03-26
            Paris : même refus, le vendredi 26 mars 2027 est ouvré | CRPA R343-1 ; CPC art. 642 | 75 | received=2027-01-04 refused=2027-01-26 | CADA_REFERRAL_DEADLINE | CRPA R343-1, CPC art. 641, CPC art. 642, CRPA L342-1 | 2027-03-25 | 2027-03-26
            Moselle : échéance stricte le Vendredi saint, ouvré à Paris où siège la CADA ; samedi 27 puis lundi de Pâques, mardi 30 mars 2027 | CRPA R343-1 ; CPC art. 642 | 57 | received=2027-01-04 refused=2027-01-27 | CADA_REFERRAL_DEADLINE | CRPA R343-1, CPC art. 641, CPC art. 642, CRPA L342-1 | 2027-03-26 | 2027-03-30
            Moselle : tribunal, Noël puis 26 décembre 2028 fériés, échéance au mercredi 27 | CJA R421-1 ; CPC art. 642 (droit local) | 57 | received=2028-08-01 registered=2028-09-15 confirmed=2028-10-25 | COURT_DEADLINE | CJA R421-1, CRPA L342-1, CPC art. 641, CPC art. 642 | 2028-12-27 | 2028-12-27
            Paris : même recours, Noël 2028 prorogé au mardi 26, qui est aussi le jour franc | CJA R421-1 ; CPC art. 642 | 75 | received=2028-08-01 registered=2028-09-15 confirmed=2028-10-25 | COURT_DEADLINE | CJA R421-1, CRPA L342-1, CPC art. 641, CPC art. 642 | 2028-12-26 | 2028-12-26
            # Weekends.
            Refus le dimanche 15 mars 2026, prorogé au lundi 16 | CPC art. 642 | 75 | received=2026-02-15 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641, CPC art. 642 | 2026-03-15 | 2026-03-16
            Saisine CADA : vendredi 8 mai 2026 (strict) ou samedi 9 mai, tous deux prorogés au lundi 11 | CRPA R343-1 ; CPC art. 642 | 75 | received=2026-03-02 refused=2026-03-09 | CADA_REFERRAL_DEADLINE | CRPA R343-1, CPC art. 641, CPC art. 642, CRPA L342-1 | 2026-05-11 | 2026-05-11
            Saisine CADA : vendredi 9 octobre 2026 (strict) ou samedi 10 prorogé au lundi 12 | CRPA R343-1 ; CPC art. 641, 642 | 75 | received=2026-08-03 refused=2026-08-10 | CADA_REFERRAL_DEADLINE | CRPA R343-1, CPC art. 641, CPC art. 642, CRPA L342-1 | 2026-10-09 | 2026-10-12
            # Fixed public holidays.
            Refus le vendredi 1er mai 2026, prorogé au lundi 4 | CPC art. 642 | 75 | received=2026-04-01 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641, CPC art. 642 | 2026-05-01 | 2026-05-04
            Refus le vendredi 8 mai 2026, prorogé au lundi 11 | CPC art. 642 | 75 | received=2026-04-08 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641, CPC art. 642 | 2026-05-08 | 2026-05-11
            Refus le mardi 14 juillet 2026, prorogé au mercredi 15 | CPC art. 642 | 75 | received=2026-06-14 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641, CPC art. 642 | 2026-07-14 | 2026-07-15
            Refus le mardi 15 août 2028, prorogé au mercredi 16 | CPC art. 642 | 75 | received=2028-07-15 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641, CPC art. 642 | 2028-08-15 | 2028-08-16
            Refus le mercredi 1er novembre 2028, prorogé au jeudi 2 | CPC art. 642 | 75 | received=2028-10-01 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641, CPC art. 642 | 2028-11-01 | 2028-11-02
            Refus le jeudi 11 novembre 2027, prorogé au vendredi 12 | CPC art. 642 | 75 | received=2027-10-11 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641, CPC art. 642 | 2027-11-11 | 2027-11-12
            Refus le lundi 25 décembre 2028, prorogé au mardi 26 (ouvré hors Alsace-Moselle) | CPC art. 642 | 75 | received=2028-11-25 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641, CPC art. 642 | 2028-12-25 | 2028-12-26
            Refus le vendredi 1er janvier 2027, prorogé au lundi 4 | CPC art. 642 | 75 | received=2026-12-01 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641, CPC art. 642 | 2027-01-01 | 2027-01-04
            # Overseas: each territory's abolition of slavery day.
            La Réunion : refus le 20 décembre 2027, férié, prorogé au mardi 21 | CPC art. 642 | 974 | received=2027-11-20 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641, CPC art. 642 | 2027-12-20 | 2027-12-21
            Guadeloupe : refus le 27 mai 2026, férié, prorogé au jeudi 28 | CPC art. 642 | 971 | received=2026-04-27 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641, CPC art. 642 | 2026-05-27 | 2026-05-28
            Mayotte : refus le 27 avril 2026, férié, prorogé au mardi 28 | CPC art. 642 | 976 | received=2026-03-27 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641, CPC art. 642 | 2026-04-27 | 2026-04-28
            Guadeloupe : saisine CADA mardi 26 mai 2026 (strict) ou mercredi 27, le 27 mai férié local ne comptant pas pour la CADA | CRPA R343-1 ; CPC art. 642 (calendrier national) | 971 | received=2026-03-02 refused=2026-03-27 | CADA_REFERRAL_DEADLINE | CRPA R343-1, CPC art. 641, CPC art. 642, CRPA L342-1 | 2026-05-26 | 2026-05-27
            # Court: délai franc.
            Tribunal après refus confirmé le mercredi 10 juin 2026 : lundi 10 août, ou mardi 11 en délai franc | CJA R421-2 ; CRPA R343-5 | 75 | received=2026-02-20 registered=2026-04-10 | COURT_DEADLINE | CJA R421-2, CJA R421-1, CRPA L342-1, CPC art. 641, CPC art. 642 | 2026-08-10 | 2026-08-11
            Tribunal après refus écrit du 13 septembre 2026 : vendredi 13 novembre, ou samedi 14 en délai franc prorogé au lundi 16 | CJA R421-1 ; CPC art. 642 | 75 | received=2026-06-01 registered=2026-08-03 confirmed=2026-09-13 | COURT_DEADLINE | CJA R421-1, CRPA L342-1, CPC art. 641, CPC art. 642 | 2026-11-13 | 2026-11-16
            Tribunal : vendredi 14 août 2026, ou 15 août (samedi férié) en délai franc prorogé au lundi 17 | CJA R421-1 ; CPC art. 642 | 75 | received=2026-04-01 registered=2026-05-20 confirmed=2026-06-14 | COURT_DEADLINE | CJA R421-1, CRPA L342-1, CPC art. 641, CPC art. 642 | 2026-08-14 | 2026-08-17
            Refus confirmé le samedi 18 juillet 2026, deux mois après l'enregistrement, prorogé au lundi 20 | CRPA R343-5 ; CPC art. 642 | 75 | received=2026-03-02 registered=2026-05-18 | CONFIRMED_REFUSAL | CRPA R343-5, CRPA R*343-4, CPC art. 641, CPC art. 642 | 2026-07-18 | 2026-07-20
            Tribunal après ce refus : vendredi 18 septembre, ou samedi 19 en délai franc prorogé au lundi 21 | CJA R421-2 ; CPC art. 642 | 75 | received=2026-03-02 registered=2026-05-18 | COURT_DEADLINE | CJA R421-2, CJA R421-1, CRPA L342-1, CPC art. 641, CPC art. 642 | 2026-09-18 | 2026-09-21
            Tribunal après un refus confirmé né le dimanche 28 février 2027 : mercredi 28 avril, ou jeudi 29 en délai franc, sans cumul avec la prorogation contestée du refus au 1er mars | CJA R421-1, R421-2 ; CPC art. 642 | 75 | received=2026-11-10 registered=2026-12-28 | COURT_DEADLINE | CJA R421-2, CJA R421-1, CRPA L342-1, CPC art. 641, CPC art. 642 | 2027-04-28 | 2027-04-29
            Haut-Rhin : tribunal le Vendredi saint 26 mars 2027 (férié dans certaines communes seulement), ou mardi 30 en délai franc après Pâques | CJA R421-2 ; CPC art. 642 ; Code du travail L3134-13 | 68 | received=2026-10-01 registered=2026-11-26 | COURT_DEADLINE | CJA R421-2, CJA R421-1, CRPA L342-1, CPC art. 641, CPC art. 642, Code du travail L3134-13 | 2027-03-26 | 2027-03-30
            Refus écrit du 1er juillet 2026, avant l'échéance du recours contre le refus implicite : nouveau délai | CJA R421-2 | 75 | received=2026-02-20 registered=2026-04-10 confirmed=2026-07-01 | COURT_DEADLINE | CJA R421-2, CJA R421-1, CRPA L342-1, CPC art. 641, CPC art. 642 | 2026-09-01 | 2026-09-02
            # CADA registration.
            Avis de la CADA attendu un mois après l'enregistrement, même un dimanche | CRPA R343-3 | 75 | received=2026-02-20 registered=2026-04-10 | CADA_OPINION | CRPA R343-3, CPC art. 641 | 2026-05-10 | 2026-05-10
            Refus confirmé deux mois après l'enregistrement, avis rendu ou non | CRPA R343-5 ; R*343-4 | 75 | received=2026-02-20 registered=2026-04-10 opinion=2026-05-26 | CONFIRMED_REFUSAL | CRPA R343-5, CRPA R*343-4, CPC art. 641 | 2026-06-10 | 2026-06-10
            # Express refusal, partial answer, withdrawal, full answer.
            Refus exprès avant la fin du mois : le délai court de sa notification | CRPA R343-1 | 75 | received=2026-03-02 refused=2026-03-20 | CADA_REFERRAL_DEADLINE | CRPA R343-1, CPC art. 641, CPC art. 642, CRPA L342-1 | 2026-05-19 | 2026-05-20
            Refus exprès avant la fin du mois : pas de refus implicite | CRPA R*311-12 | 75 | received=2026-03-02 refused=2026-03-20 | IMPLICIT_REFUSAL | - | - | -
            Refus exprès du 20 mai après le refus implicite du 3 avril : le délai repart, lundi 20 juillet | CRPA R343-1 ; CJA R421-2 par analogie | 75 | received=2026-03-03 refused=2026-05-20 | CADA_REFERRAL_DEADLINE | CRPA R343-1, CRPA R311-13, CPC art. 641, CPC art. 642, CRPA L342-1 | 2026-07-20 | 2026-07-20
            Refus exprès entre la date stricte et la date favorable : il ne fait repartir le délai que selon la seconde | CRPA R343-1 ; CJA R421-2 par analogie | 75 | received=2026-01-31 refused=2026-04-30 | CADA_REFERRAL_DEADLINE | CRPA R343-1, CRPA R311-13, CPC art. 641, CPC art. 642, CRPA L342-1 | 2026-04-27 | 2026-06-30
            Refus exprès après l'expiration du délai (mardi 7 avril 2026, après Pâques) : il ne le rouvre pas | CRPA R343-1 | 75 | received=2026-01-05 refused=2026-04-20 | CADA_REFERRAL_DEADLINE | CRPA R343-1, CRPA R311-13, CPC art. 641, CPC art. 642, CRPA L342-1 | 2026-04-07 | 2026-04-07
            Réponse partielle avant la fin du mois : de sa date (strict) jusqu'au délai du refus implicite du reste | CRPA R343-1 ; R311-13 | 75 | received=2026-03-02 partial=2026-03-16 | CADA_REFERRAL_DEADLINE | CRPA R343-1, CRPA R311-13, CPC art. 641, CPC art. 642, CRPA L342-1 | 2026-05-15 | 2026-06-02
            Réponse partielle après le refus implicite : elle ne prolonge le délai que si elle refuse le reste | CRPA R343-1 | 75 | received=2026-03-02 partial=2026-05-04 | CADA_REFERRAL_DEADLINE | CRPA R343-1, CRPA R311-13, CPC art. 641, CPC art. 642, CRPA L342-1 | 2026-06-01 | 2026-07-06
            Retrait avant la fin du mois : plus de refus implicite | CRPA R311-13 | 75 | received=2026-03-02 withdrawn=2026-03-10 | IMPLICIT_REFUSAL | - | - | -
            Retrait après le refus implicite : plus de délai de saisine | CRPA R343-1 | 75 | received=2026-03-02 withdrawn=2026-04-20 | CADA_REFERRAL_DEADLINE | - | - | -
            Retrait après le refus implicite : le refus reste dans l'historique | CRPA R311-13 | 75 | received=2026-03-02 withdrawn=2026-04-20 | IMPLICIT_REFUSAL | CRPA R*311-12, CRPA R311-13, CPC art. 641 | 2026-04-02 | 2026-04-02
            Réponse complète le dernier jour du mois : pas de refus | CRPA R311-13 ; CPC art. 641 | 75 | received=2026-03-02 answered=2026-04-02 | IMPLICIT_REFUSAL | - | - | -
            Réponse complète après la saisine de la CADA : plus de recours à prévoir | CRPA L342-1 | 75 | received=2026-02-20 registered=2026-04-10 answered=2026-05-02 | COURT_DEADLINE | - | - | -
            """)
    void workedCase(String name, String rule, String departement, String facts, DeadlineStep step, String articles,
            LocalDate earliest, LocalDate latest) {
        DeadlineChain chain = calculator.explain(facts(departement, facts));

        if (earliest == null) {
            assertThat(chain.step(step)).as("%s (%s)", name, rule).isEmpty();
            return;
        }
        assertThat(chain.step(step)).as("%s (%s)", name, rule).hasValueSatisfying(deadline -> {
            assertThat(deadline.earliest()).as("earliest: " + name).isEqualTo(earliest);
            assertThat(deadline.latest()).as("latest: " + name).isEqualTo(latest);
            assertThat(deadline.basis()).as("basis: " + name).extracting(LegalBasis::article)
                    .containsExactlyInAnyOrder(articles.split(",\\s*"));
        });
    }

    /** "received=2026-01-31 refused=2026-02-10" into facts. */
    static RequestFacts facts(String departement, String text) {
        LocalDate received = null;
        var values = new java.util.HashMap<String, LocalDate>();
        for (String pair : text.trim().split("\\s+")) {
            String[] parts = pair.split("=");
            values.put(parts[0], LocalDate.parse(parts[1]));
        }
        received = values.remove("received");
        var builder = RequestFacts.builder(received, departement);
        values.forEach((key, date) -> {
            switch (key) {
                case "sent" -> builder.sent(date);
                case "partial" -> builder.dates(d -> d.withPartialAnswerOn(date));
                case "refused" -> builder.dates(d -> d.withRefusedOn(date));
                case "registered" -> builder.dates(d -> d.withCadaRegisteredOn(date));
                case "opinion" -> builder.dates(d -> d.withCadaOpinionOn(date));
                case "confirmed" -> builder.dates(d -> d.withConfirmedRefusalOn(date));
                case "answered" -> builder.dates(d -> d.withAnsweredOn(date));
                case "withdrawn" -> builder.dates(d -> d.withWithdrawnOn(date));
                default -> throw new IllegalArgumentException("Unknown fact " + key);
            }
        });
        return builder.build();
    }
}
