package fr.lanterne.shared;

import java.time.ZoneId;

/** Lanterne's time zone: legal dates are French dates, whatever the server's zone. */
public final class Paris {

    /** The zone's name, for annotations that take a constant string ({@code @Scheduled(zone = Paris.ID)}). */
    public static final String ID = "Europe/Paris";

    /** The zone in which an instant becomes the day a date of the CRPA counts from. */
    public static final ZoneId ZONE = ZoneId.of(ID);

    private Paris() {
    }
}
