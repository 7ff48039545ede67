package fr.lanterne;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Modules talk through each other's API, in one direction: web → registry → authorities → (nothing). */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.lanterne");

    @Test
    void feature_packages_have_no_cycles() {
        slices().matching("fr.lanterne.(*)..").should().beFreeOfCycles().check(CLASSES);
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
