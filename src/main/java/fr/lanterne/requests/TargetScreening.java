package fr.lanterne.requests;

import fr.lanterne.authorities.Authority;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a campaign target gets its request, by which channel, or why not. One rule for the dry run
 * ({@link Campaigns#plan}) and the job ({@link CampaignRequestWriter}, which screens again since an open request may
 * have appeared or an address gone meanwhile), so that both give the same reasons in the same words. Not
 * thread-safe: a target accepted counts as open for the ones screened after it.
 */
final class TargetScreening {

    /** Why a target is left out. */
    enum Reason {
        /** No second open request for the same authority and template. */
        OPEN_REQUEST,
        /** The same letter was written to the authority within the configured interval (CRPA L311-2). */
        WRITTEN_RECENTLY,
        /** Email asked for, and no email known. */
        NO_EMAIL,
        /** Post asked for, and no postal address known. */
        NO_POSTAL_ADDRESS,
        /** Email where known, post elsewhere: neither known. */
        NO_ADDRESS;

        boolean addressMissing() {
            return this == NO_EMAIL || this == NO_POSTAL_ADDRESS || this == NO_ADDRESS;
        }
    }

    /**
     * @param channel the channel of its request, or null when left out
     * @param reason why it is left out, or null when it gets its request
     * @param outcome the reason as the people launching the campaign read it, or null
     */
    record Screened(Channel channel, Reason reason, String outcome) {

        boolean accepted() {
            return reason == null;
        }

        boolean addressMissing() {
            return reason != null && reason.addressMissing();
        }
    }

    private final Set<String> open;
    private final Set<String> recent;
    private final Duration minInterval;

    /**
     * @param open authority/template keys ({@link #key}) with an open request
     * @param recent authority/template keys written to within {@code minInterval}
     */
    TargetScreening(Set<String> open, Set<String> recent, Duration minInterval) {
        this.open = new HashSet<>(open);
        this.recent = Set.copyOf(recent);
        this.minInterval = minInterval;
    }

    static String key(long authorityId, String templateId) {
        return authorityId + "/" + templateId;
    }

    /** @param requested EMAIL or POST, or null for email where known and post elsewhere */
    Screened screen(Authority authority, String templateId, Channel requested) {
        String key = key(authority.id(), templateId);
        if (open.contains(key)) {
            return leftOut(Reason.OPEN_REQUEST);
        }
        if (recent.contains(key)) {
            return leftOut(Reason.WRITTEN_RECENTLY);
        }
        ChannelChoice choice = ChannelChoice.of(authority, requested, false);
        if (choice.missing() == ChannelChoice.Missing.EMAIL) {
            return leftOut(Reason.NO_EMAIL);
        }
        if (choice.missing() == ChannelChoice.Missing.POSTAL_ADDRESS) {
            // Without a channel asked, post is chosen only where no email is known: then neither is.
            return leftOut(requested == null ? Reason.NO_ADDRESS : Reason.NO_POSTAL_ADDRESS);
        }
        open.add(key);
        return new Screened(choice.channel(), null, null);
    }

    private Screened leftOut(Reason reason) {
        return new Screened(null, reason, sentence(reason));
    }

    private String sentence(Reason reason) {
        return switch (reason) {
            case OPEN_REQUEST -> "une demande identique est déjà en cours";
            case WRITTEN_RECENTLY -> "la même lettre lui a été adressée il y a moins de " + minInterval.toDays()
                    + " jours (CRPA L311-2)";
            case NO_EMAIL -> "pas d'adresse électronique connue";
            case NO_POSTAL_ADDRESS -> "pas d'adresse postale connue";
            case NO_ADDRESS -> "ni adresse postale ni courriel connus";
        };
    }
}
