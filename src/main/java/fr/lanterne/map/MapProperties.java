package fr.lanterne.map;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where {@code /carte} fetches its background tiles. Without them (no network, or {@code tile-url} left empty) the
 * map still draws the départements and the towns from the jar.
 *
 * @param tileUrl a Leaflet tile template ({@code https://tile.openstreetmap.org/{z}/{x}/{y}.png}; {@code {s}} for a
 *                subdomain); empty for no tiles
 * @param tileAttribution the credit the tile server asks for, shown on the map
 */
@ConfigurationProperties("lanterne.map")
public record MapProperties(@DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png") String tileUrl,
                            @DefaultValue("© les contributeurs d’OpenStreetMap") String tileAttribution) {

    public MapProperties {
        tileUrl = tileUrl == null ? "" : tileUrl.strip();
        if (!tileUrl.isEmpty()) {
            tileOrigin(tileUrl);
        }
    }

    /**
     * The tile server as a Content-Security-Policy source ({@code https://tile.openstreetmap.org},
     * {@code https://*.tile.example.org} for a {@code {s}} subdomain), or null without tiles.
     */
    public String tileOrigin() {
        return tileUrl.isEmpty() ? null : tileOrigin(tileUrl);
    }

    private static String tileOrigin(String template) {
        URI uri;
        try {
            uri = URI.create(template.replace("{s}", "s-sub").replaceAll("\\{[a-z]+}", "0"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("lanterne.map.tile-url is not a URL: " + template, e);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("lanterne.map.tile-url must be an http(s) URL with a host: " + template);
        }
        String host = uri.getHost().replace("s-sub", "*");
        return uri.getScheme() + "://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
