package dev.whiteboard.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which package may use which, so that imports keep running one way as the code grows. Within a feature the
 * boundary (what the outside calls: resources, servlets, event handlers) uses the control (the logic), which uses
 * the entities (data and domain types), never the other way; nothing uses a boundary but the server; the built-in
 * hub is a service of its own inside the WAR and uses nothing of the app; and no two packages need each other.
 */
class ArchitectureTest {

    private static final String APP = "dev.whiteboard";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(APP);
    }

    @Test
    void entitiesUseNeitherControlNorBoundary() {
        check(noClasses()
                .that()
                .resideInAPackage("..entity..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..control..", "..boundary..")
                .because("entities are the bottom layer of a feature"));
    }

    @Test
    void controlDoesNotUseBoundariesOrTheirTechnologies() {
        check(noClasses()
                .that()
                .resideInAPackage("..control..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..boundary..", "jakarta.ws.rs..", "jakarta.servlet..", APP + ".events..")
                .because(
                        "the logic is called by resources, servlets and event handlers alike, and knows none of them"));
    }

    @Test
    void nothingUsesABoundaryFromOutside() {
        check(classes()
                .that()
                .resideInAPackage("..boundary..")
                .should()
                .onlyHaveDependentClassesThat()
                .resideInAPackage("..boundary..")
                .because("boundaries are entry points the server calls, not services for other code"));
    }

    @Test
    void theHubUsesNothingOfTheApp() {
        check(noClasses()
                .that()
                .resideInAPackage(APP + ".hub..")
                .should()
                .dependOnClassesThat(resideInAPackage(APP + "..")
                        .and(resideOutsideOfPackages(APP + ".hub..", APP + ".runtime.."))
                        .as("classes of the app (the shared runtime helpers aside)"))
                .because(
                        "the built-in hub stands in for Azure Web PubSub: the app reaches it only over its protocols"));
    }

    @Test
    void noPackagesNeedEachOther() {
        check(slices().matching(APP + ".(**)").should().beFreeOfCycles());
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
