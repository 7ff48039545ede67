package fr.lanterne.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The module rules fail where they should: on the fixture application, whose modules break each rule once. */
class ModuleRulesTest {

    private static final String FIXTURE = "fr.lanterne.architecture.fixture";

    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(FIXTURE);

    private static final ModuleRules RULES = new ModuleRules(CLASSES, FIXTURE);

    @Test
    void a_module_without_its_annotation_or_using_an_unknown_module_is_reported() {
        assertThat(violations(RULES.modulesAreDeclared())).containsExactlyInAnyOrder(
                "Module delta (fr.lanterne.architecture.fixture.delta) has no @LanterneModule: add it to "
                        + "fr/lanterne/architecture/fixture/delta/package-info.java with the module's API types and "
                        + "the modules it uses",
                "Module gamma declares it uses \"epsilon\", which is not another module: fix uses in "
                        + "fr/lanterne/architecture/fixture/gamma/package-info.java "
                        + "(modules: [alpha, beta, delta, gamma, root])");
    }

    @Test
    void a_type_outside_the_api_of_another_module_is_reported() {
        List<String> violations = violations(RULES.otherModulesAreUsedThroughTheirApi());

        assertThat(violations).hasSize(1);
        assertThat(violations.get(0))
                .startsWith("Constructor <fr.lanterne.architecture.fixture.alpha.ReachesIntoBeta.<init>()> calls "
                        + "constructor <fr.lanterne.architecture.fixture.beta.BetaInternal.<init>()>")
                .endsWith(", but BetaInternal is not in the API of module beta. Fix: use what the API of beta offers "
                        + "[BetaService], or, if beta means to offer it, add BetaInternal.class to api in "
                        + "fr/lanterne/architecture/fixture/beta/package-info.java");
    }

    @Test
    void a_module_not_declared_in_uses_is_reported() {
        List<String> violations = violations(RULES.onlyDeclaredModulesAreUsed());

        assertThat(violations).hasSize(2);
        assertThat(violations).anySatisfy(violation -> assertThat(violation)
                .contains("fr.lanterne.architecture.fixture.alpha.UsesGamma")
                .endsWith(", but module alpha does not declare that it uses module gamma. Fix: add \"gamma\" to uses "
                        + "in fr/lanterne/architecture/fixture/alpha/package-info.java if the dependency is meant "
                        + "(and makes no circle), otherwise remove it"));
        assertThat(violations).anySatisfy(violation -> assertThat(violation)
                .contains("fr.lanterne.architecture.fixture.Starter")
                .contains("but module root does not declare that it uses module gamma"));
    }

    @Test
    void a_circle_of_modules_is_reported_the_root_package_included() {
        String report = String.join("\n", violations(RULES.modulesFormNoCycle()));

        assertThat(report.replaceAll("\\s+", " "))
                .contains("Cycle detected: Slice alpha -> Slice beta -> Slice alpha")
                .contains("Cycle detected: Slice gamma -> Slice root -> Slice gamma")
                .contains("Method <fr.lanterne.architecture.fixture.beta.BetaService.compute()>")
                .contains("Method <fr.lanterne.architecture.fixture.Starter.start()>");
    }

    @Test
    void a_public_type_outside_the_api_is_reported_unless_another_package_of_its_module_uses_it() {
        assertThat(violations(RULES.publicTypesAreTheApi())).containsExactlyInAnyOrder(
                "fr.lanterne.architecture.fixture.alpha.AlphaHelper is public but not in the API of module alpha. "
                        + "Fix: make it package-private, or, if other modules need it, add AlphaHelper.class to api "
                        + "in fr/lanterne/architecture/fixture/alpha/package-info.java",
                "fr.lanterne.architecture.fixture.beta.BetaInternal is public but not in the API of module beta. "
                        + "Fix: make it package-private, or, if other modules need it, add BetaInternal.class to api "
                        + "in fr/lanterne/architecture/fixture/beta/package-info.java");
    }

    private static List<String> violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(CLASSES);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return result.getFailureReport().getDetails();
    }
}
