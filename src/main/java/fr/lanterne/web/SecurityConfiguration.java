package fr.lanterne.web;

import fr.lanterne.users.UserCredentials;
import fr.lanterne.users.Users;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

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

    /** Reference data anyone may read through the API in public mode. */
    private static final String[] PUBLIC_API = {"/api/authorities/**", "/api/deployments/**", "/api/vendors",
            "/api/deadlines/explain"};

    /** Pages anyone may read in public mode (a document page shows only published documents to visitors). */
    private static final String[] PUBLIC_PAGES = {"/", "/communes/**", "/registre", "/registre/**",
            "/documents/*", "/documents/*/fichier"};

    /** Pages for those who send requests: researchers read and search, they do not act. */
    private static final String[] EDITOR_PAGES = {"/demandes/**", "/travail", "/travail/**", "/campagnes/**",
            "/communes/*/demande", "/communes/*/demande/**",
            // The registry's forms (its changes are POSTs).
            "/registre/nouveau", "/registre/*/modifier"};

    private final WebProperties web;

    SecurityConfiguration(WebProperties web) {
        this.web = web;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(authorize -> {
                    if (web.publicMode()) {
                        authorize.requestMatchers(HttpMethod.GET, PUBLIC_API).permitAll();
                    }
                    authorize.requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                            .requestMatchers(HttpMethod.POST, "/api/search/reindex").hasRole("ADMIN")
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
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(authorize -> {
                    authorize.requestMatchers("/login", "/error", "/css/**", "/js/**", "/favicon.ico",
                            "/actuator/health", "/calendar/*.ics", "/installation").permitAll();
                    // The front door: the commune count and the registry table, facts from public sources.
                    authorize.requestMatchers(HttpMethod.GET, "/").permitAll();
                    // Every change, whatever the page, is a volunteer's or an administrator's.
                    authorize.requestMatchers("/journal").hasRole("ADMIN")
                            // Importing the directory of town-hall addresses rewrites thousands at once.
                            .requestMatchers("/reglages/annuaire", "/reglages/annuaire/**").hasRole("ADMIN")
                            .requestMatchers(HttpMethod.POST, "/**").hasAnyRole(EDITORS)
                            .requestMatchers(EDITOR_PAGES).hasAnyRole(EDITORS);
                    if (web.publicMode()) {
                        authorize.requestMatchers(HttpMethod.GET, PUBLIC_PAGES).permitAll();
                    }
                    authorize.anyRequest().authenticated();
                })
                .formLogin(form -> form.loginPage("/login").successHandler(ExpiredSessions.successHandler())
                        .permitAll())
                .exceptionHandling(handling -> handling.accessDeniedHandler(ExpiredSessions.accessDeniedHandler()))
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

    private static AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> {
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
