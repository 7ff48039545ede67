package fr.lanterne.registry;

import fr.lanterne.authorities.Authorities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Loads the reference data shipped with Lanterne before the application serves anything: the official commune list
 * (and the authorities it implies), then the initial deployment registry. Both are skipped when already loaded, so
 * later starts cost one query each. It lives in the registry, the module that knows both (the root package knows
 * no module).
 */
@Component
class ReferenceDataInitializer implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataInitializer.class);

    private final Authorities authorities;
    private final Registry registry;

    ReferenceDataInitializer(Authorities authorities, Registry registry) {
        this.authorities = authorities;
        this.registry = registry;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Authorities.EditionLoad communes = authorities.loadBundledReferenceData();
        if (!communes.alreadyLoaded()) {
            log.info("Loaded edition {} of the official commune list ({} entries) in {} ms", communes.edition(),
                    communes.entries(), communes.millis());
        }
        registry.loadBundledSeed();
    }
}
