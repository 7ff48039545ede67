package fr.lanterne.ingest;

import fr.lanterne.shared.FrenchCount;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.compress.archivers.zip.UnsupportedZipFeatureException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Takes the files out of a zip archive, within limits: number of entries, total expanded size and compression ratio
 * (a zip bomb expands a thousandfold or more). Reading streams through the archive and stops as soon as a limit is
 * crossed, so a bomb never expands in memory beyond the limit. Nested archives are not opened here: each entry is an
 * input of its own, and {@link Intake} keeps count of the depth.
 */
final class ZipUnpacker {

    /** A file taken out of an archive, with its path inside the archive. */
    public record Entry(String path, byte[] content) {
        public Entry {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(content, "content");
        }

        public String fileName() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    /** What became of the archive: its entries, or the reason it was refused. */
    public sealed interface Result permits Unpacked, Refused {
    }

    public record Unpacked(List<Entry> entries) implements Result {
        public Unpacked {
            entries = List.copyOf(entries);
        }
    }

    public record Refused(QuarantineReason reason, String detail) implements Result {
    }

    // Windows' built-in zip writes names in the OEM code page, CP850 in France, unless it flags them as UTF-8.
    private static final String LEGACY_NAME_ENCODING = "Cp850";
    private static final long RATIO_ALLOWANCE = 1024 * 1024;

    private final IngestSettings settings;

    public ZipUnpacker(IngestSettings settings) {
        this.settings = settings;
    }

    public Result unpack(byte[] zip) {
        long ratioLimit = Math.max(RATIO_ALLOWANCE, (long) settings.maxCompressionRatio() * zip.length);
        long expanded = 0;
        List<Entry> entries = new ArrayList<>();
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(zip), LEGACY_NAME_ENCODING,
                true, true)) {
            ZipArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (entries.size() >= settings.maxArchiveEntries()) {
                    return new Refused(QuarantineReason.ARCHIVE_LIMITS, String.format(Locale.FRANCE,
                            "L'archive contient plus de %,d fichiers (limite : %,d).", settings.maxArchiveEntries(),
                            settings.maxArchiveEntries()));
                }
                if (!in.canReadEntryData(entry)) {
                    return refusedFeature(entry);
                }
                long byRatio = ratioLimit - expanded;
                long byTotal = settings.maxExpandedBytes() - expanded;
                long entryLimit = Math.min(settings.maxFileBytes(), Math.min(byTotal, byRatio));
                byte[] content = readAtMost(in, entryLimit);
                if (content == null) {
                    return entryLimit == byRatio ? bomb(entry.getName(), zip.length)
                            : entryLimit == byTotal ? tooMuchExpanded(entry.getName())
                            : entryTooLarge(entry.getName());
                }
                expanded += content.length;
                entries.add(new Entry(entry.getName(), content));
            }
        } catch (UnsupportedZipFeatureException e) {
            return e.getFeature() == UnsupportedZipFeatureException.Feature.ENCRYPTION
                    ? encrypted()
                    : new Refused(QuarantineReason.UNSUPPORTED, "L'archive utilise une méthode de compression non "
                            + "prise en charge (" + e.getMessage() + ").");
        } catch (IOException | RuntimeException e) {
            return new Refused(entries.isEmpty() ? QuarantineReason.CORRUPT : QuarantineReason.TRUNCATED,
                    "L'archive est illisible après " + FrenchCount.of(entries.size(), "fichier", "fichiers") + " : "
                            + e.getMessage() + ".");
        }
        if (entries.isEmpty()) {
            return new Refused(QuarantineReason.EMPTY, "L'archive ne contient aucun fichier.");
        }
        return new Unpacked(entries);
    }

    private Refused refusedFeature(ZipArchiveEntry entry) {
        if (entry.getGeneralPurposeBit().usesEncryption()) {
            return encrypted();
        }
        return new Refused(QuarantineReason.UNSUPPORTED, "Le fichier « " + entry.getName()
                + " » de l'archive utilise une méthode de compression non prise en charge.");
    }

    private static Refused encrypted() {
        return new Refused(QuarantineReason.ENCRYPTED, "L'archive est protégée par un mot de passe.");
    }

    private Refused bomb(String name, long zipSize) {
        return new Refused(QuarantineReason.ARCHIVE_LIMITS, String.format(Locale.FRANCE,
                "L'archive (%s) se décompresse à plus de %d fois sa taille, au fichier « %s » : c'est le signe "
                        + "d'une « bombe zip ».", Sizes.human(zipSize), settings.maxCompressionRatio(), name));
    }

    private Refused tooMuchExpanded(String name) {
        return new Refused(QuarantineReason.ARCHIVE_LIMITS, String.format(Locale.FRANCE,
                "L'archive décompressée dépasse %s (limite), au fichier « %s ».",
                Sizes.human(settings.maxExpandedBytes()), name));
    }

    private Refused entryTooLarge(String name) {
        return new Refused(QuarantineReason.TOO_LARGE, String.format(Locale.FRANCE,
                "Le fichier « %s » de l'archive dépasse %s une fois décompressé (limite).", name,
                Sizes.human(settings.maxFileBytes())));
    }

    /** The whole entry, or null if it holds more than {@code limit} bytes (only limit + 1 are ever read). */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
