package fr.lanterne.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Lanterne's pages face the world.
 *
 * @param publicMode when true, anyone (without an account) may read the town pages, the deployment registry and the
 *                   documents a volunteer chose to publish; requests, the other documents and search stay behind
 *                   the login. When false (the default), every page needs an account.
 * @param publicUrl  the address people reach Lanterne at, such as {@code https://lanterne.example.org} (with a path
 *                   if Lanterne is served under one): links in emails, calendar addresses and the command line's
 *                   output start with it. Unset, Lanterne uses the address it was reached at when someone signed in.
 */
@ConfigurationProperties("lanterne.web")
public record WebProperties(@DefaultValue("false") boolean publicMode, URI publicUrl) {

    public WebProperties {
        if (publicUrl != null) {
            publicUrl = checkPublicUrl(publicUrl);
        }
    }

    /** An absolute http(s) address, without query, fragment or trailing slash. */
    static URI checkPublicUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null || url.getRawQuery() != null
                || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("lanterne.web.public-url doit être l’adresse complète du serveur, comme "
                    + "https://lanterne.example.org (sans ?…, # ni identifiant) ; reçu : « " + url + " ».");
        }
        String text = url.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }
}
