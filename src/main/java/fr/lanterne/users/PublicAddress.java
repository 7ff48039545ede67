package fr.lanterne.users;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Where links to Lanterne point: the address an administrator configured ({@link PublicUrl}), or else the one the
 * server was first reached at when an administrator signed in. That one is kept in memory for this process and in the
 * database for the command line, which serves no requests and so cannot see it.
 */
@Service
public class PublicAddress {

    private final ObjectProvider<PublicUrl> configured;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicReference<URI> seen = new AtomicReference<>();

    PublicAddress(ObjectProvider<PublicUrl> configured, JdbcClient jdbc, Clock clock) {
        this.configured = configured;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The base address of links (no trailing slash), if one is known. */
    public Optional<URI> base() {
        PublicUrl url = configured.getIfAvailable();
        Optional<URI> set = url == null ? Optional.empty() : url.configured();
        if (set.isPresent()) {
            return set.map(PublicAddress::withoutTrailingSlash);
        }
        URI here = seen.get();
        return here != null ? Optional.of(here) : recorded();
    }

    private Optional<URI> recorded() {
        return jdbc.sql("SELECT url FROM observed_public_url WHERE id = 1").query(String.class).optional()
                .map(URI::create);
    }

    /** A full link to a path of Lanterne ("/profil"), if the address is known. */
    public Optional<String> link(String path) {
        return base().map(uri -> uri + (path.startsWith("/") ? path : "/" + path));
    }

    /**
     * Remembers the address an administrator reached the server at, the first one ever: it is recorded once and never
     * replaced (a second name of the same server, a request crafted with another Host header after a restart, do not
     * move the links); {@code lanterne.web.public-url} or the setup page change it.
     */
    public void seen(URI base) {
        if (base == null || base.getHost() == null || seen.get() != null) {
            return;
        }
        jdbc.sql("INSERT IGNORE INTO observed_public_url (id, url, seen_at) VALUES (1, ?, ?)")
                .params(withoutTrailingSlash(base).toString(), Timestamp.from(clock.instant()))
                .update();
        recorded().ifPresent(first -> seen.compareAndSet(null, first));
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
