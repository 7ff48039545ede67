package fr.lanterne.ingest;

import java.util.Objects;
import java.util.Optional;

/**
 * What became of one received file: every input ends as exactly one of these. The file's bytes are kept in all three
 * cases.
 */
sealed interface Outcome permits Outcome.Extracted, Outcome.Unpacked, Outcome.Quarantined {

    /** The file's text was read. */
    record Extracted(Extraction extraction) implements Outcome {
        public Extracted {
            Objects.requireNonNull(extraction, "extraction");
        }
    }

    /**
     * A container (zip archive) whose files were taken out; each is an input of its own. An email is not a container
     * in this sense: its body is a document, so an email is {@link Extracted} and its attachments are its parts.
     */
    record Unpacked(String container, int parts) implements Outcome {
        public Unpacked {
            Objects.requireNonNull(container, "container");
        }
    }

    /**
     * The file could not be taken in.
     *
     * @param reason  the kind of problem
     * @param detail  what exactly, in French, with the figures (sizes, page counts, limits)
     * @param partial the text that could be read before the problem, if any (the first pages of a PDF over the page
     *                limit, the readable part of a truncated file): null when there is none
     */
    record Quarantined(QuarantineReason reason, String detail, Extraction partial) implements Outcome {
        public Quarantined {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        public Quarantined(QuarantineReason reason, String detail) {
            this(reason, detail, null);
        }

        public Optional<Extraction> partialExtraction() {
            return Optional.ofNullable(partial);
        }

        /** The sentence shown to a volunteer: the detail, then what to do. */
        public String message() {
            return detail + " " + reason.explanation();
        }
    }
}
