package fr.lanterne.registry;

import fr.lanterne.authorities.AuthorityCodes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code registry/registry-seed.yaml}: the deployments documented in the campaign's texts, loaded as the initial
 * registry. Each entry gets a key computed from what identifies it, so that an entry is loaded once: restarting
 * changes nothing, and a seeded deployment a volunteer deleted stays deleted.
 */
record RegistrySeed(List<VendorEntry> vendors, List<Entry> deployments) {

    static final String RESOURCE = "/registry/registry-seed.yaml";
    static final String AUTHOR = "registre initial";
    private static final String SOURCE_TITLE = "Textes de la campagne (registre initial de Lanterne)";

    record VendorEntry(String name, List<Technology> technologies, List<String> products) {
    }

    /**
     * @param regionOfCommune true when the operator is the région of the commune (its lycées), not its town hall
     */
    record Entry(String seedKey, String insee, String operatorCode, boolean regionOfCommune, Technology technology,
                 String vendor, String product, DeploymentStatus status, Integer since, String place,
                 Integer cameraCount, String summary, String quote) {

        /** @param regionCode gives the région code of a commune */
        DeploymentDraft draft(UnaryOperator<String> regionCode) {
            String operator = regionOfCommune ? AuthorityCodes.region(regionCode.apply(insee)) : operatorCode;
            return new DeploymentDraft(insee, operator, technology, vendor, product, status, since, place, cameraCount,
                    summary, List.of(new SourceDraft(null, SOURCE_TITLE, quote, null, null)));
        }
    }

    @SuppressWarnings("unchecked")
    static RegistrySeed bundled() {
        Map<String, Object> document;
        try (InputStream in = RegistrySeed.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The bundled registry seed " + RESOURCE + " is missing from the build");
            }
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the bundled registry seed " + RESOURCE, e);
        }
        List<VendorEntry> vendors = ((List<Map<String, Object>>) document.get("vendors")).stream()
                .map(v -> new VendorEntry((String) v.get("name"),
                        strings(v.get("technologies")).stream().map(Technology::valueOf).toList(),
                        strings(v.get("products"))))
                .toList();
        List<Entry> deployments = ((List<Map<String, Object>>) document.get("deployments")).stream()
                .map(RegistrySeed::entry)
                .toList();
        return new RegistrySeed(vendors, deployments);
    }

    @SuppressWarnings("unchecked")
    private static Entry entry(Map<String, Object> e) {
        Map<String, Object> commune = (Map<String, Object>) e.get("commune");
        String operator = (String) e.get("operator");
        String authority = (String) e.get("authority");
        return new Entry(seedKey(e), (String) commune.get("insee"),
                operator == null ? null : operator.strip().toLowerCase(Locale.ROOT),
                authority != null && authority.startsWith("Région"),
                Technology.valueOf((String) e.get("technology")), (String) e.get("vendor"), (String) e.get("product"),
                DeploymentStatus.valueOf((String) e.get("status")), (Integer) e.get("since"), (String) e.get("place"),
                (Integer) e.get("camera_count"), (String) e.getOrDefault("summary_fr", e.get("summary")),
                ((String) e.get("source_quote")).strip());
    }

    /** What identifies an entry; its summary and quotation may be reworded without making it a new entry. */
    @SuppressWarnings("unchecked")
    static String seedKey(Map<String, Object> entry) {
        Map<String, Object> commune = (Map<String, Object>) entry.get("commune");
        String identity = Stream.of(commune.get("insee"), entry.get("technology"), entry.get("vendor"),
                        entry.get("product"), entry.get("operator"), entry.get("authority"), entry.get("place"))
                .map(value -> Objects.toString(value, ""))
                .collect(Collectors.joining("|"));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }
}
