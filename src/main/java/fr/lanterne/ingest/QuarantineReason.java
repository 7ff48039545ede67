package fr.lanterne.ingest;

/**
 * Why a received file could not be taken in. The file itself is always kept: a volunteer reads the reason, fixes what
 * can be fixed (asks the town hall for a new copy, raises a limit, installs Tesseract) and retries.
 */
enum QuarantineReason {

    EMPTY("Le fichier est vide (0 octet) : demander à l'administration de le renvoyer."),
    TRUNCATED("Le fichier est incomplet (tronqué pendant l'envoi ou l'enregistrement) : demander une nouvelle copie."),
    CORRUPT("Le fichier est endommagé ou illisible : demander une nouvelle copie, ou l'ouvrir à la main pour "
            + "vérifier."),
    ENCRYPTED("Le document est protégé par un mot de passe : demander le mot de passe ou une copie non protégée, "
            + "puis relancer."),
    TOO_LARGE("Le fichier dépasse la taille maximale acceptée : relever la limite si le fichier est légitime, puis "
            + "relancer."),
    TOO_MANY_PAGES("Le document dépasse le nombre maximal de pages : relever la limite si le document est légitime, "
            + "puis relancer."),
    TOO_MUCH_TEXT("Le document contient plus de texte que la limite acceptée : relever la limite, puis relancer."),
    UNSUPPORTED("Ce format de fichier n'est pas pris en charge : le fichier est conservé tel quel, à ouvrir à la main "
            + "ou à convertir (en PDF par exemple) avant de relancer."),
    TYPE_REFUSED("Ce type de fichier n’est pas accepté (seuls le sont les PDF, les documents bureautiques, les "
            + "images, les textes, les courriels et les archives zip) : le fichier est conservé tel quel ; si c’est "
            + "bien un document, le convertir en PDF puis l’envoyer à nouveau."),
    ORPHAN("Fichier trouvé sans enregistrement après un arrêt brutal : il est conservé ; le relancer pour le lire "
            + "à nouveau, ou vérifier d’où il vient."),
    TIMEOUT("La lecture du fichier a pris trop de temps et a été interrompue : relancer avec un délai plus long, "
            + "ou l'ouvrir à la main."),
    OUT_OF_MEMORY("La lecture du fichier a demandé trop de mémoire et a été abandonnée : relancer sur une machine "
            + "qui a plus de mémoire, ou convertir le fichier."),
    ARCHIVE_LIMITS("L'archive dépasse les limites de décompression (profondeur, nombre de fichiers, taille "
            + "décompressée ou taux de compression d'une « bombe zip ») : vérifier son contenu à la main."),
    EMPTY_EMAIL("Le courriel ne contient ni texte ni pièce jointe : vérifier le message d'origine dans la boîte "
            + "aux lettres.");

    private final String explanation;

    QuarantineReason(String explanation) {
        this.explanation = explanation;
    }

    /** What happened and what to do, in French, for the volunteer who reads the quarantine list. */
    public String explanation() {
        return explanation;
    }
}
