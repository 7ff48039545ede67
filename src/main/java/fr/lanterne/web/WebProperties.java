package fr.lanterne.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Lanterne's pages face the world.
 *
 * @param publicMode when true, anyone (without an account) may read the town pages, the deployment registry and the
 *                   documents a volunteer chose to publish; requests, the other documents and search stay behind
 *                   the login. When false (the default), every page needs an account.
 */
@ConfigurationProperties("lanterne.web")
public record WebProperties(@DefaultValue("false") boolean publicMode) {
}
