package fr.lanterne;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.lanterne.architecture.ModuleRules;
import org.junit.jupiter.api.Test;

/**
 * Modules talk through each other's API, as each module's {@link LanterneModule} declares it, in one direction
 * (launcher and web → search → ingest, deadlines → requests → letters → registry → authorities → shared), the
 * root package and shared included. {@code ModuleRulesTest} shows that each rule catches what it should.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.lanterne");

    private static final ModuleRules MODULES = new ModuleRules(CLASSES, "fr.lanterne");

    @Test
    void every_module_declares_its_api_and_what_it_uses() {
        MODULES.modulesAreDeclared().check(CLASSES);
    }

    @Test
    void modules_use_each_other_only_through_their_api() {
        MODULES.otherModulesAreUsedThroughTheirApi().check(CLASSES);
    }

    @Test
    void modules_use_only_the_modules_they_declare() {
        MODULES.onlyDeclaredModulesAreUsed().check(CLASSES);
    }

    @Test
    void modules_and_the_root_package_have_no_cycles() {
        MODULES.modulesFormNoCycle().check(CLASSES);
    }

    @Test
    void public_types_are_the_api() {
        MODULES.publicTypesAreTheApi().check(CLASSES);
    }

    @Test
    void only_the_web_layer_knows_the_web_layer() {
        noClasses().that().resideOutsideOfPackage("fr.lanterne.web..")
                .should().dependOnClassesThat().resideInAPackage("fr.lanterne.web..")
                .check(CLASSES);
    }

    @Test
    void authorities_know_no_other_feature() {
        noClasses().that().resideInAPackage("fr.lanterne.authorities..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.lanterne.registry..", "fr.lanterne.users..",
                        "fr.lanterne.requests..", "fr.lanterne.ingest..", "fr.lanterne.search..")
                .check(CLASSES);
    }

    @Test
    void controllers_do_not_run_sql() {
        noClasses().that().resideInAPackage("fr.lanterne.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..")
                .check(CLASSES);
    }
}
