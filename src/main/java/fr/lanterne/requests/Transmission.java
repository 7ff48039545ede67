package fr.lanterne.requests;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A request transmitted by the authority it was sent to, which does not hold the documents, to the one that does
 * (CRPA L311-2): the new authority, the date of the transmission, and the date the new authority received it if
 * known (the CRPA R311-13 clock starts there).
 */
record Transmission(long authorityId, String authorityCode, String authorityName, String departement,
                    LocalDate date, LocalDate receivedOn) {

    Transmission {
        Objects.requireNonNull(authorityCode, "authorityCode");
        Objects.requireNonNull(authorityName, "authorityName");
    }
}
