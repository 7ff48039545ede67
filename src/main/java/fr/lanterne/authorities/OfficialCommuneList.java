package fr.lanterne.authorities;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The commune list shipped in the jar, read without the database: for commands that must answer without starting
 * anything (which département a commune is in, whether its code exists).
 */
public final class OfficialCommuneList {

    private final Map<String, CommuneDataset.Entry> communes;
    private final String edition;

    private OfficialCommuneList(CommuneDataset dataset) {
        this.edition = dataset.edition();
        this.communes = new HashMap<>();
        for (CommuneDataset.Entry entry : dataset.communes()) {
            if (entry.kind() == CommuneKind.COMMUNE) {
                communes.put(entry.insee(), entry);
            }
        }
    }

    public static OfficialCommuneList bundled() {
        return new OfficialCommuneList(CommuneDataset.bundled().parse());
    }

    /** The département of a current commune. */
    public Optional<String> departementOf(String insee) {
        return InseeCode.isValid(insee)
                ? Optional.ofNullable(communes.get(InseeCode.of(insee).value())).map(CommuneDataset.Entry::departement)
                : Optional.empty();
    }

    public Optional<String> nameOf(String insee) {
        return InseeCode.isValid(insee)
                ? Optional.ofNullable(communes.get(InseeCode.of(insee).value())).map(CommuneDataset.Entry::name)
                : Optional.empty();
    }

    public String edition() {
        return edition;
    }
}
