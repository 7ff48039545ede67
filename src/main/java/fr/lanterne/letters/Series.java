package fr.lanterne.letters;

import fr.lanterne.shared.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Five or more requests with the same object sent to different authorities, referred to the CADA as one series
 * (CRPA L342-1, R343-3-1).
 *
 * @param templateId the request template all of them were written with
 */
public record Series(String templateId, List<SeriesEntry> entries) {

    /** The smallest series the CRPA lets a requester refer at once. */
    public static final int MINIMUM = 5;

    public Series {
        templateId = Text.line(templateId, "modèle des demandes", 60);
        entries = List.copyOf(entries);
        if (entries.size() < MINIMUM) {
            throw new InvalidInputException("Une saisine en série porte sur au moins " + MINIMUM + " demandes "
                    + "(article R343-3-1 du CRPA) ; il y en a " + entries.size()
                    + ". Pour moins de demandes, saisissez la CADA demande par demande (modèle saisine-cada).");
        }
        Set<String> seen = new HashSet<>();
        for (SeriesEntry entry : entries) {
            if (!seen.add(entry.authorityName().toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException("« " + entry.authorityName() + " » figure deux fois dans la série : "
                        + "une série réunit des demandes adressées à des administrations différentes (article L342-1 "
                        + "du CRPA).");
            }
        }
    }
}
