package fr.lanterne.authorities;

/**
 * Whether a body must name a "personne responsable de l’accès aux documents administratifs" (PRADA), who receives
 * the requests and is the authority's link with the CADA (CRPA R330-4, 1° and 2°). Besides ministers and préfets,
 * CRPA R330-2 lists (checked against the code's text as mirrored from Légifrance in github.com/francois76/legifrance,
 * December 2026): « 1° Les communes de dix mille habitants ou plus, les départements, les régions et la collectivité
 * territoriale de Corse ; 2° Les établissements publics nationaux et locaux qui emploient au moins deux cents agents ;
 * 3° Les établissements publics de coopération intercommunale regroupant une population de dix mille habitants ou
 * plus ; 4° Les autres personnes de droit public et les personnes de droit privé chargées de la gestion d'un service
 * public qui emploient au moins deux cents agents. » (R544-4 lowers 10,000 to 5,000 in Saint-Pierre-et-Miquelon.)
 * A commune déléguée, a commune associée or a municipal arrondissement is not a commune of its own: its
 * commune names the PRADA. A commune that no longer exists names none.
 */
public final class PradaRule {

    /** The threshold of R330-2, for communes and EPCI alike. */
    public static final int THRESHOLD = 10_000;

    private PradaRule() {
    }

    /** The verdict and the sentence that explains it (French, for pages and the API). */
    public record Verdict(boolean due, String reason) {
    }

    public static Verdict forCommune(CommuneKind kind, boolean current, Integer population) {
        if (kind != CommuneKind.COMMUNE) {
            return new Verdict(false, "Une " + kind.label() + " relève de la PRADA de sa commune (CRPA R330-2).");
        }
        if (!current) {
            return new Verdict(false, "Cette commune n’existe plus : c’est la commune qui lui a succédé qui répond.");
        }
        if (population == null) {
            return new Verdict(false, "Population inconnue : impossible de dire si une PRADA est obligatoire.");
        }
        return population >= THRESHOLD
                ? new Verdict(true, "Commune de 10 000 habitants ou plus : une PRADA doit être désignée (CRPA R330-2, "
                        + "1°).")
                : new Verdict(false, "Commune de moins de 10 000 habitants : pas de PRADA obligatoire (CRPA R330-2, "
                        + "1°).");
    }

    public static Verdict forEpci(boolean current, Integer populationTotal) {
        if (!current) {
            return new Verdict(false, "Cette intercommunalité ne figure plus dans la liste officielle.");
        }
        if (populationTotal == null) {
            return new Verdict(false, "Population inconnue : impossible de dire si une PRADA est obligatoire.");
        }
        return populationTotal >= THRESHOLD
                ? new Verdict(true, "Intercommunalité de 10 000 habitants ou plus : une PRADA doit être désignée "
                        + "(CRPA R330-2, 3°).")
                : new Verdict(false, "Intercommunalité de moins de 10 000 habitants : pas de PRADA obligatoire "
                        + "(CRPA R330-2, 3°).");
    }
}
