package cn.cvp.provider;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The domain knows nothing of HTTP, messaging, use cases or storage; only use cases write the outbox;
 * resources open no transactions. (Rules are methods, not fields: Surefire 3.5.3 does not run
 * {@code @ArchTest} fields — TNG/ArchUnit#1442.)
 */
@AnalyzeClasses(packages = "cn.cvp.provider", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static void theDomainStandsAlone(JavaClasses classes) {
        noClasses().that().resideInAPackage("..provider.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..provider.api..", "..provider.messaging..",
                        "..provider.application..", "..provider.persistence..")
                .check(classes);
    }

    @ArchTest
    static void onlyUseCasesWriteTheOutbox(JavaClasses classes) {
        noClasses().that().resideOutsideOfPackages("..provider.application..", "..provider.persistence..")
                .should().dependOnClassesThat().haveFullyQualifiedName("cn.cvp.kit.outbox.Outbox")
                .check(classes);
    }

    @ArchTest
    static void resourcesOpenNoTransactions(JavaClasses classes) {
        noClasses().that().resideInAPackage("..provider.api..")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.transaction.Transactional")
                .check(classes);
    }
}
