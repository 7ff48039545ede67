package fr.lanterne.ingest;

import java.util.Locale;

/** Byte counts as people read them, in French ("1,5 Mo"). */
final class Sizes {

    private Sizes() {
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " octets";
        }
        double value = bytes;
        String[] units = {"Ko", "Mo", "Go", "To"};
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.FRANCE, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }
}
