package cn.cvp.allocation;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the layers apart: the domain (and its Matcher) knows nothing of the API, messaging or use cases. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.cvp.allocation");

    @Test
    void theDomainDoesNotDependOnApiMessagingOrApplication() {
        noClasses().that().resideInAPackage("cn.cvp.allocation..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.cvp.allocation..api..",
                        "cn.cvp.allocation..messaging..", "cn.cvp.allocation..application..",
                        "cn.cvp.allocation..persistence..", "cn.cvp.kit.outbox..", "cn.cvp.kit.inbox..")
                .check(CLASSES);
    }

    @Test
    void theMatcherIsPureJava() {
        noClasses().that().haveSimpleNameStartingWith("Matcher").or().haveSimpleName("Eligibility")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..")
                .check(CLASSES);
    }

    @Test
    void onlyTheApplicationLayerWritesToTheOutbox() {
        noClasses().that().resideOutsideOfPackage("cn.cvp.allocation..application..")
                .should().dependOnClassesThat().resideInAPackage("cn.cvp.kit.outbox..")
                .check(CLASSES);
    }

    @Test
    void resourcesDoNotTouchPersistenceOrMessaging() {
        noClasses().that().resideInAPackage("cn.cvp.allocation..api..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.cvp.allocation..persistence..",
                        "cn.cvp.allocation..messaging..")
                .check(CLASSES);
    }
}
