package fr.lanterne.authorities;

/**
 * French names of places after "de": "Mairie du Havre", "Préfecture des Bouches-du-Rhône", "de l'Ain".
 *
 * <p>The official list gives each name a {@code typeLiaison} (INSEE's TNCC): which article the name takes and so
 * which form "de" takes before it. Commune names carry their article ("Le Havre"); département and région names do
 * not ("Nord", typeLiaison 2, is "le Nord").
 */
final class PlaceNames {

    private PlaceNames() {
    }

    /** "de Nice", "du Havre", "des Mureaux", "d'Orléans", "de La Rochelle" (commune names include their article). */
    static String ofCommune(String name, Integer form) {
        if (form == null) {
            return "de " + name;
        }
        return switch (form) {
            case 1 -> "d'" + name;
            case 2 -> "du " + stripArticle(name, "Le ");
            case 4 -> "des " + stripArticle(name, "Les ");
            case 6 -> "des " + stripArticle(name, "Aux ");
            default -> "de " + name;
        };
    }

    /** "de l'Ain", "du Nord", "de la Somme", "des Alpes-Maritimes", "de Paris" (names without their article). */
    static String ofArea(String name, Integer form) {
        if (form == null) {
            return "de " + name;
        }
        return switch (form) {
            case 1 -> "d'" + name;
            case 2 -> "du " + name;
            case 3 -> "de la " + name;
            case 4, 6 -> "des " + name;
            case 5 -> "de l'" + name;
            default -> "de " + name;
        };
    }

    private static String stripArticle(String name, String article) {
        return name.startsWith(article) ? name.substring(article.length()) : name;
    }
}
