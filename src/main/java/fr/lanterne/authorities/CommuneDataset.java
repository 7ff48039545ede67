package fr.lanterne.authorities;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import fr.lanterne.shared.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One edition of the npm package {@code @etalab/decoupage-administratif}: régions, départements and the 37,590
 * entries of the commune list. Read from the package as npm serves it ({@code .tgz}), from the unpacked package
 * folder, or from its {@code data} folder.
 */
record CommuneDataset(String edition, String checksum, List<Region> regions, List<Departement> departements,
                      List<Entry> communes) {

    static final String DATASET = "communes";

    record Region(String code, String name, String zone, String chefLieu, Integer nameForm) {
    }

    record Departement(String code, String name, String region, String zone, String chefLieu, Integer nameForm) {
    }

    record Entry(String insee, CommuneKind kind, String name, Integer nameForm, String departement, String region,
                 String arrondissement, String zone, String parentInsee, String siren, Integer population,
                 List<String> postalCodes, List<String> formerCodes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record RawArea(String code, String nom, String region, String zone, String chefLieu, Integer typeLiaison) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record RawCommune(String code, String nom, String type, Integer typeLiaison, String departement,
                              String region, String arrondissement, String zone, String chefLieu, String commune,
                              String siren, Integer population, List<String> codesPostaux, List<String> anciensCodes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record PackageJson(String name, String version) {
    }

    /** The package's files, read but not parsed: enough to tell whether this edition is already loaded. */
    record Package(String edition, String checksum, Map<String, byte[]> files, String origin) {

        CommuneDataset parse() {
            return CommuneDataset.parse(edition, checksum, files, origin);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> FILES = List.of("regions.json", "departements.json", "communes.json");

    /** The edition bundled with Lanterne, so that a fresh start needs no network. */
    static Package bundled() {
        String resource = "/authorities/etalab-decoupage-administratif-6.0.0.tgz";
        try (InputStream in = CommuneDataset.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The bundled commune list " + resource + " is missing from the build");
            }
            return fromTarball(in, resource);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the bundled commune list " + resource, e);
        }
    }

    /** A {@code .tgz} from {@code npm pack}, the unpacked package folder, or its {@code data} folder. */
    static Package read(Path path) {
        try {
            if (Files.isDirectory(path)) {
                return fromFolder(path);
            }
            if (Files.isRegularFile(path)) {
                try (InputStream in = Files.newInputStream(path)) {
                    return fromTarball(in, path.toString());
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("Impossible de lire " + path + " : " + e.getMessage());
        }
        throw new InvalidInputException("« " + path + " » n'existe pas. Donnez le fichier .tgz obtenu par "
                + "« npm pack @etalab/decoupage-administratif@VERSION », ou le dossier qui en est extrait.");
    }

    private static Package fromFolder(Path folder) throws IOException {
        Path data = Files.isDirectory(folder.resolve("data")) ? folder.resolve("data") : folder;
        Map<String, byte[]> files = new HashMap<>();
        for (String name : FILES) {
            Path file = data.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException("Le dossier " + folder + " ne contient pas " + name
                        + " : est-ce bien le paquet @etalab/decoupage-administratif ?");
            }
            files.put(name, Files.readAllBytes(file));
        }
        Path packageJson = data.getParent() == null ? null : data.getParent().resolve("package.json");
        String edition = packageJson != null && Files.isRegularFile(packageJson)
                ? editionOf(Files.readAllBytes(packageJson))
                : folder.getFileName().toString();
        return new Package(edition, checksum(files), Map.copyOf(files), folder.toString());
    }

    private static Package fromTarball(InputStream in, String origin) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        String edition = null;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                if (name.equals("package/package.json")) {
                    edition = editionOf(tar.readAllBytes());
                } else if (name.startsWith("package/data/") && FILES.contains(name.substring("package/data/".length()))) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    tar.transferTo(bytes);
                    files.put(name.substring("package/data/".length()), bytes.toByteArray());
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException(origin + " n'est pas une archive .tgz lisible : " + e.getMessage());
        }
        for (String name : FILES) {
            if (!files.containsKey(name)) {
                throw new InvalidInputException(origin + " ne contient pas data/" + name
                        + " : est-ce bien le paquet @etalab/decoupage-administratif ?");
            }
        }
        return new Package(edition == null ? "unknown" : edition, checksum(files), Map.copyOf(files), origin);
    }

    private static String editionOf(byte[] packageJson) {
        PackageJson parsed = JSON.readValue(packageJson, PackageJson.class);
        if (parsed.name() != null && !parsed.name().equals("@etalab/decoupage-administratif")) {
            throw new InvalidInputException("Ce paquet est « " + parsed.name()
                    + " », pas @etalab/decoupage-administratif.");
        }
        return parsed.version();
    }

    private static CommuneDataset parse(String edition, String checksum, Map<String, byte[]> files, String origin) {
        List<RawArea> rawRegions = JSON.readValue(files.get("regions.json"), new TypeReference<>() { });
        List<RawArea> rawDepartements = JSON.readValue(files.get("departements.json"), new TypeReference<>() { });
        List<RawCommune> rawCommunes = JSON.readValue(files.get("communes.json"), new TypeReference<>() { });
        List<Region> regions = rawRegions.stream()
                .map(r -> new Region(r.code(), r.nom(), r.zone(), r.chefLieu(), r.typeLiaison()))
                .toList();
        List<Departement> departements = rawDepartements.stream()
                .map(d -> new Departement(d.code(), d.nom(), d.region(), d.zone(), d.chefLieu(), d.typeLiaison()))
                .toList();
        List<Entry> communes = new ArrayList<>(rawCommunes.size());
        for (int i = 0; i < rawCommunes.size(); i++) {
            communes.add(toEntry(rawCommunes.get(i), i, origin));
        }
        return new CommuneDataset(edition, checksum, regions, departements, List.copyOf(communes));
    }

    private static Entry toEntry(RawCommune raw, int index, String origin) {
        if (!InseeCode.isValid(raw.code()) || raw.nom() == null || raw.departement() == null || raw.region() == null) {
            throw new InvalidInputException("Entrée n° " + (index + 1) + " de communes.json (" + origin
                    + ") incomplète : code, nom, département et région sont requis (" + raw + ").");
        }
        CommuneKind kind;
        try {
            kind = CommuneKind.fromSourceType(raw.type());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Entrée n° " + (index + 1) + " de communes.json (" + origin
                    + ") : type inconnu « " + raw.type() + " ».");
        }
        String parent = kind == CommuneKind.MUNICIPAL_DISTRICT ? raw.commune() : raw.chefLieu();
        return new Entry(raw.code(), kind, raw.nom(), raw.typeLiaison(), raw.departement(), raw.region(),
                raw.arrondissement(), raw.zone() == null ? "metro" : raw.zone(), parent, raw.siren(), raw.population(),
                raw.codesPostaux() == null ? List.of() : List.copyOf(raw.codesPostaux()),
                raw.anciensCodes() == null ? List.of() : List.copyOf(raw.anciensCodes()));
    }

    /** The same data gives the same checksum whether it came packed or unpacked. */
    private static String checksum(Map<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String name : FILES) {
                digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(files.get(name));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
