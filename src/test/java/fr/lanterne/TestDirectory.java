package fr.lanterne;

/**
 * Small exports of the official directory of town halls, in the shape users download them from its OpenDataSoft
 * portal (as {@code src/test/resources/contacts/annuaire-mairies.csv}): {@code ;}-separated, JSON inside cells.
 */
public final class TestDirectory {

    public static final String HEADER = "id;nom;pivot;code_insee_commune;adresse_courriel;telephone;adresse;"
            + "site_internet;type_organisme;categorie;url_service_public;date_modification;plage_ouverture;siret\n";

    private TestDirectory() {
    }

    /** One town hall, with its email and a postal address. */
    public static String line(int n, String insee, String email) {
        return String.format("3f1c7a52-0000-4d7e-9a10-%012d;Mairie - %s;\"[{\"\"type_service_local\"\": \"\"mairie\"\", "
                + "\"\"code_insee_commune\"\": [\"\"%s\"\"]}]\";%s;%s;;\"[{\"\"type_adresse\"\": \"\"Adresse\"\", "
                + "\"\"numero_voie\"\": \"\"1 place de la Mairie\"\", \"\"code_postal\"\": \"\"42000\"\", "
                + "\"\"nom_commune\"\": \"\"Commune %s\"\"}]\";;;SL;;2026-06-01;;\n", n, insee, insee, insee, email, insee);
    }
}
