package fr.lanterne.requests;

import fr.lanterne.authorities.Authority;
import fr.lanterne.shared.InvalidInputException;
import java.util.Map;

/**
 * The channel by which a request reaches an authority, or what its contact lacks for the channel asked: one rule for
 * a single request (which refuses with a sentence) and for a campaign's screening (which leaves the target out).
 *
 * @param channel the channel, or null when {@code missing} says what is lacking
 * @param missing what the authority's contact lacks, or null when a channel was found
 */
record ChannelChoice(Channel channel, Missing missing) {

    /** What the authority's contact lacks. */
    enum Missing {
        /** Email asked for (and no fallback to post), and no email known. */
        EMAIL,
        /** The request would go by post, and no postal address is known. */
        POSTAL_ADDRESS
    }

    /**
     * @param requested EMAIL or POST, or null for email where known and post elsewhere
     * @param postIfNoEmail whether a request asked by email goes by post when no email is known
     */
    static ChannelChoice of(Authority authority, Channel requested, boolean postIfNoEmail) {
        boolean hasEmail = authority.contact().hasEmail();
        if (requested == Channel.EMAIL && !hasEmail && !postIfNoEmail) {
            return new ChannelChoice(null, Missing.EMAIL);
        }
        Channel channel = requested == Channel.POST || !hasEmail ? Channel.POST : Channel.EMAIL;
        if (channel == Channel.POST && !authority.contact().hasPostalAddress()) {
            return new ChannelChoice(null, Missing.POSTAL_ADDRESS);
        }
        return new ChannelChoice(channel, null);
    }

    /** The channel, or a refusal that says what to type for the authority. */
    Channel orRefuse(Authority authority) {
        if (missing == Missing.EMAIL) {
            throw new InvalidInputException("Aucune adresse électronique n'est connue pour « " + authority.name()
                    + " » : envoyez la demande par courrier postal"
                    + (authority.contact().hasPostalAddress() ? "" : " après avoir saisi son adresse")
                    + ", ou saisissez son courriel.", Map.of("authority", authority.code()));
        }
        if (missing == Missing.POSTAL_ADDRESS) {
            throw new InvalidInputException("Aucune adresse n'est connue pour « " + authority.name() + " » : saisissez "
                    + "son adresse postale ou son courriel, puis recommencez.", Map.of("authority", authority.code()));
        }
        return channel;
    }
}
