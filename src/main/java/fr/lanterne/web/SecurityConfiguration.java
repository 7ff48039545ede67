package fr.lanterne.web;

import fr.lanterne.map.MapProperties;
import fr.lanterne.users.PublicAddress;
import fr.lanterne.users.UserCredentials;
import fr.lanterne.users.Users;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Who may do what. Every change needs a volunteer or an administrator; researchers read documents and search;
 * visitors without an account see the home page (find a town, the deployments documented) and the login page, and,
 * in public mode ({@link WebProperties}), the town pages, the registry and the published documents. Pages use a
 * login form (with CSRF protection); API clients send HTTP Basic credentials with each request (no session, so no
 * CSRF token to carry).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ConditionalOnWebApplication
class SecurityConfiguration {

    static final String[] EDITORS = {"VOLUNTEER", "ADMIN"};

    /**
     * Every page's and every answer's Content-Security-Policy: scripts and styles only from Lanterne's own files (none
     * inline, none in attributes), no plugins, no framing. A received file is served with its own, stricter policy
     * ("sandbox"), which this one does not replace.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    /**
     * Reference data anyone may read through the API in public mode, and the search, which answers visitors from the
     * published versions only ({@code /api/search/status} and the similar documents stay behind the login).
     */
    private static final String[] PUBLIC_API = {"/api/authorities/**", "/api/deployments/**", "/api/vendors",
            "/api/deadlines/explain",
            // The map and its open data, which name no recorder and keep no note; a camera itself (who recorded it,
            // its note, its photo, its history) is for signed-in people.
            "/api/deployments.geojson", "/api/deployments.csv", "/api/cameras.geojson", "/api/cameras.csv",
            "/api/map/**", "/api/search"};

    /** API reads behind pages researchers may not open ({@link #EDITOR_PAGES}): campaigns, triage, quarantine. */
    private static final String[] EDITOR_API = {"/api/campaigns", "/api/campaigns/**", "/api/documents/unmatched",
            "/api/quarantine", "/api/quarantine/**"};

    /**
     * Pages anyone may read in public mode (a document page shows only published documents to visitors, the public
     * request pages only requests with a published document, the feed only published documents, the search and its
     * CSV export only the published versions).
     */
    private static final String[] PUBLIC_PAGES = {"/", "/communes/**", "/registre", "/registre/**",
            "/documents/*", "/documents/*/fichier", "/intercommunalites/*", "/demandes-publiques",
            "/demandes-publiques/*", "/publications.atom", "/recherche", "/recherche.csv", "/carte"};

    /** Pages for those who send requests: researchers read and search, they do not act. */
    private static final String[] EDITOR_PAGES = {"/demandes/**", "/travail", "/travail/**", "/campagnes/**",
            "/communes/*/demande", "/communes/*/demande/**",
            // The registry's forms (its changes are POSTs).
            "/registre/nouveau", "/registre/*/modifier",
            // The mapping walk's page records cameras.
            "/carte/releve"};

    /** The map's pages, whose policy also lets in the background tiles of {@link MapProperties#tileOrigin()}. */
    static final String[] MAP_PAGES = {"/carte", "/carte/releve"};

    private final WebProperties web;
    private final Users users;
    private final PublicAddress publicAddress;
    private final String mapPolicy;

    SecurityConfiguration(WebProperties web, Users users, PublicAddress publicAddress, MapProperties map) {
        this.web = web;
        this.users = users;
        this.publicAddress = publicAddress;
        this.mapPolicy = mapPolicy(map.tileOrigin());
    }

    /** The policy of the map's pages: the same, with the tile server's origin alone added to img-src. */
    static String mapPolicy(String tileOrigin) {
        return tileOrigin == null ? CONTENT_SECURITY_POLICY
                : CONTENT_SECURITY_POLICY.replace("img-src 'self' data:;", "img-src 'self' data: " + tileOrigin + ";");
    }

    /** Passwords checked against the accounts, behind the throttle that stops password guessing. */
    @Bean
    AuthenticationManager authenticationManager(UserDetailsService accounts, PasswordEncoder encoder,
                                                LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledAuthentication(passwords, throttle));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(authenticationManager)
                .headers(this::headers)
                .authorizeHttpRequests(authorize -> {
                    if (web.publicMode()) {
                        authorize.requestMatchers(HttpMethod.GET, PUBLIC_API).permitAll();
                    }
                    // The same roles as the pages: campaigns and the triage of "Mon travail" are the senders'.
                    authorize.requestMatchers(EDITOR_API).hasAnyRole(EDITORS)
                            .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                            .requestMatchers(HttpMethod.POST, "/api/search/reindex").hasRole("ADMIN")
                            // The directory import rewrites thousands of addresses: an administrator's, as its page.
                            .requestMatchers(HttpMethod.POST, "/api/authorities/contacts").hasRole("ADMIN")
                            .anyRequest().hasAnyRole(EDITORS);
                })
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthorized())
                        .accessDeniedHandler(forbidden()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        http.authenticationManager(authenticationManager)
                .headers(this::headers)
                .authorizeHttpRequests(authorize -> {
                    authorize.requestMatchers("/login", "/error", "/css/**", "/js/**", "/favicon.ico",
                            "/webjars/**", "/map/**",
                            "/actuator/health", "/calendar/*.ics", "/installation").permitAll();
                    // A password link is for someone who cannot sign in yet; the link itself is the proof.
                    authorize.requestMatchers("/mot-de-passe/*").permitAll();
                    authorize.requestMatchers("/comptes", "/comptes/**").hasRole("ADMIN");
                    // Everyone, researchers too, changes their own password and calendar address.
                    authorize.requestMatchers("/profil", "/profil/**").authenticated();
                    // The front door: the commune count and the registry table, facts from public sources.
                    authorize.requestMatchers(HttpMethod.GET, "/").permitAll();
                    // Settings (who signs the requests; the directory import, which rewrites thousands of
                    // addresses at once): administrators only.
                    authorize.requestMatchers("/reglages/**").hasRole("ADMIN");
                    // Every change, whatever the page, is a volunteer's or an administrator's.
                    authorize.requestMatchers("/journal").hasRole("ADMIN")
                            .requestMatchers(HttpMethod.POST, "/**").hasAnyRole(EDITORS)
                            .requestMatchers(EDITOR_PAGES).hasAnyRole(EDITORS);
                    if (web.publicMode()) {
                        authorize.requestMatchers(HttpMethod.GET, PUBLIC_PAGES).permitAll();
                    }
                    authorize.anyRequest().authenticated();
                })
                .formLogin(form -> form.loginPage("/login").successHandler(signedIn(ExpiredSessions.successHandler()))
                        .failureHandler(loginFailure())
                        .permitAll())
                .exceptionHandling(handling -> handling.accessDeniedHandler(ExpiredSessions.accessDeniedHandler()))
                .addFilterBefore(new SignedInAccounts(users), AuthorizationFilter.class)
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    @Bean
    UserDetailsService userDetailsService(Users users) {
        return username -> {
            UserCredentials credentials = users.credentials(username)
                    .orElseThrow(() -> new UsernameNotFoundException("No user " + username));
            return User.withUsername(credentials.username())
                    .password(credentials.passwordHash())
                    .roles(credentials.role().name())
                    .disabled(!credentials.enabled())
                    .build();
        };
    }

    /**
     * Notes the sign-in for the list of accounts, and the address the server was reached at: an administrator signing
     * in uses the server's real name, where a health check or a crafted first request might not.
     */
    private AuthenticationSuccessHandler signedIn(AuthenticationSuccessHandler next) {
        return (request, response, authentication) -> {
            users.signedIn(authentication.getName());
            // Only an administrator's: any account could otherwise set the host of every password link.
            if (authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
                publicAddress.seen(ServletUriComponentsBuilder.fromContextPath(request).build().toUri());
            }
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * Besides Spring Security's defaults (nosniff, no framing, no caching of pages, and HSTS on requests that came over
     * HTTPS, which behind a proxy needs {@code server.forward-headers-strategy}): the policy above, and no full
     * address sent to other sites as Referer (addresses can carry a request's reference).
     */
    private void headers(HeadersConfigurer<HttpSecurity> headers) {
        // Written as Spring Security's own writer does: not over a policy the answer already has (a received file's).
        headers.addHeaderWriter((request, response) -> {
            if (!response.containsHeader(CSP_HEADER)) {
                response.setHeader(CSP_HEADER, isMapPage(request) ? mapPolicy : CONTENT_SECURITY_POLICY);
            }
        })
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                // Not the association's other sites: some may still be served over plain HTTP.
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(false).maxAgeInSeconds(31_536_000));
    }

    private static final String CSP_HEADER = "Content-Security-Policy";

    private static boolean isMapPage(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return java.util.Arrays.asList(MAP_PAGES).contains(path);
    }

    /** A suspended sign-in says for how long; any other failure is the usual "wrong name or password". */
    private static AuthenticationFailureHandler loginFailure() {
        AuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, exception) -> {
            if (exception instanceof LoginThrottledException throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
                response.sendRedirect(request.getContextPath() + "/login?bloque=" + throttled.retryAfterMinutes());
                return;
            }
            wrong.onAuthenticationFailure(request, response, exception);
        };
    }

    private static AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> {
            if (exception instanceof LoginThrottledException throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
                long minutes = throttled.retryAfterMinutes();
                writeProblem(response, 429, "Trop d'essais", "Trop d'échecs de connexion pour ce compte ou depuis "
                        + "cette adresse : la connexion est suspendue. Réessayez dans " + (minutes == 1 ? "une minute"
                        : minutes + " minutes") + " (en-tête Retry-After), avec le bon mot de passe.");
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Lanterne\", charset=\"UTF-8\"");
            writeProblem(response, HttpServletResponse.SC_UNAUTHORIZED, "Authentification requise",
                    "Cette action demande un compte Lanterne : envoyez votre nom d'utilisateur et votre mot de passe "
                            + "(HTTP Basic), par exemple curl -u alice …");
        };
    }

    private static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> writeProblem(response, HttpServletResponse.SC_FORBIDDEN,
                "Action non autorisée", "Votre compte ne permet pas cette action : elle est réservée aux bénévoles "
                        + "et aux administrateurs.");
    }

    private static void writeProblem(HttpServletResponse response, int status, String title, String detail)
            throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"status\":" + status + ",\"title\":\"" + title + "\",\"detail\":\""
                + detail.replace("\"", "\\\"") + "\"}");
    }
}
