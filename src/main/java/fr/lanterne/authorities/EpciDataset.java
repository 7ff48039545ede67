package fr.lanterne.authorities;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import fr.lanterne.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intercommunalités of one edition of {@code @etalab/decoupage-administratif}: {@code data/epci.json}, the DGCL
 * list of EPCI à fiscalité propre with their member communes. Each EPCI and each member carries both INSEE figures,
 * {@code populationTotale} and {@code populationMunicipale} (the commune list itself has a single {@code population}).
 */
record EpciDataset(String checksum, List<Epci> epcis) {

    static final String DATASET = "epci";
    private static final String FILE = "epci.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Epci(String siren, String name, String type, String financing, Integer populationTotal,
                Integer populationMunicipal, List<Member> members) {
    }

    record Member(String insee, String name, Integer populationTotal, Integer populationMunicipal) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record RawEpci(String code, String nom, String type, String modeFinancement, Integer populationTotale,
                           Integer populationMunicipale, List<RawMember> membres) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record RawMember(String code, String nom, Integer populationTotale, Integer populationMunicipale) {
    }

    /** The list inside the package bundled with Lanterne. */
    static EpciDataset bundled() {
        String resource = "/authorities/etalab-decoupage-administratif-6.0.0.tgz";
        try (InputStream in = EpciDataset.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The bundled commune list " + resource + " is missing from the build");
            }
            return fromTarball(in, resource).orElseThrow(
                    () -> new IllegalStateException("The bundled package has no data/epci.json"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the bundled package " + resource, e);
        }
    }

    /** The list of another edition ({@code .tgz}, package folder or its {@code data} folder); older ones lack it. */
    static Optional<EpciDataset> read(Path path) {
        try {
            if (Files.isDirectory(path)) {
                Path data = Files.isDirectory(path.resolve("data")) ? path.resolve("data") : path;
                Path file = data.resolve(FILE);
                return Files.isRegularFile(file) ? Optional.of(parse(Files.readAllBytes(file), file.toString()))
                        : Optional.empty();
            }
            try (InputStream in = Files.newInputStream(path)) {
                return fromTarball(in, path.toString());
            }
        } catch (IOException e) {
            throw new InvalidInputException("Impossible de lire " + path + " : " + e.getMessage());
        }
    }

    private static Optional<EpciDataset> fromTarball(InputStream in, String origin) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.getName().equals("package/data/" + FILE)) {
                    return Optional.of(parse(tar.readAllBytes(), origin));
                }
            }
        }
        return Optional.empty();
    }

    static EpciDataset parse(byte[] bytes, String origin) {
        List<RawEpci> raw = JSON.readValue(bytes, new TypeReference<>() { });
        List<Epci> epcis = raw.stream().map(e -> {
            if (e.code() == null || !e.code().matches("\\d{9}") || e.nom() == null || e.type() == null) {
                throw new InvalidInputException("Entrée de epci.json (" + origin
                        + ") incomplète : code SIREN à 9 chiffres, nom et type sont requis (" + e + ").");
            }
            List<Member> members = e.membres() == null ? List.of() : e.membres().stream()
                    .filter(m -> m.code() != null && InseeCode.isValid(m.code()))
                    .map(m -> new Member(m.code(), m.nom() == null ? m.code() : m.nom(), m.populationTotale(),
                            m.populationMunicipale()))
                    .toList();
            return new Epci(e.code(), e.nom(), e.type(), e.modeFinancement(), e.populationTotale(),
                    e.populationMunicipale(), members);
        }).toList();
        return new EpciDataset(sha256(bytes), epcis);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
