package fr.lanterne.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Boxes as the tables keep them: {@code page x y width height}, boxes separated by {@code ;}, points to 0.01. */
final class Boxes {

    private static final Comparator<PdfRect> ORDER = Comparator.comparingInt(PdfRect::page)
            .thenComparingDouble(PdfRect::y).thenComparingDouble(PdfRect::x)
            .thenComparingDouble(PdfRect::width).thenComparingDouble(PdfRect::height);

    private Boxes() {
    }

    static String write(List<PdfRect> boxes) {
        StringBuilder text = new StringBuilder();
        for (PdfRect box : boxes) {
            if (!text.isEmpty()) {
                text.append(';');
            }
            text.append(String.format(Locale.ROOT, "%d %.2f %.2f %.2f %.2f", box.page(), box.x(), box.y(),
                    box.width(), box.height()));
        }
        return text.toString();
    }

    static List<PdfRect> read(String text) {
        List<PdfRect> boxes = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return boxes;
        }
        for (String one : text.split(";")) {
            String[] parts = one.trim().split(" ");
            boxes.add(new PdfRect(Integer.parseInt(parts[0]), Float.parseFloat(parts[1]), Float.parseFloat(parts[2]),
                    Float.parseFloat(parts[3]), Float.parseFloat(parts[4])));
        }
        return boxes;
    }

    /** The same boxes in any order, written the same way: what makes two redacted versions the same. */
    static String canonical(List<PdfRect> boxes) {
        return write(read(write(boxes)).stream().sorted(ORDER).distinct().toList());
    }

    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
