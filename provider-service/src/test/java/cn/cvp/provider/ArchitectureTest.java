package cn.cvp.provider;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The house rules, on provider-service's packages: contexts ({@code provider}, {@code offering}, {@code usage},
 * {@code allocation}) with api / application / domain / persistence / events / messaging inside, plus
 * {@code support}. (The same rules as the platform's house rule set; rules are methods, not fields: Surefire 3.5.3
 * does not run {@code @ArchTest} fields — TNG/ArchUnit#1442.)
 */
@AnalyzeClasses(packages = "cn.cvp.provider", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ROOT = "cn.cvp.provider";
    private static final List<String> CONTEXTS = List.of("provider", "offering", "usage", "allocation");

    @ArchTest
    static void theDomainKnowsNoHttpMessagingUseCasesOrStorage(JavaClasses classes) {
        noClasses().that().resideInAPackage(ROOT + "..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + "..api..", ROOT + "..application..",
                        ROOT + "..persistence..", ROOT + "..messaging..", "jakarta.ws.rs..", "org.apache.kafka..",
                        "org.eclipse.microprofile.reactive.messaging..", "cn.cvp.kit.problem..",
                        "cn.cvp.kit.outbox..", "cn.cvp.kit.inbox..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("cn.cvp.kit.security.Caller")
                .check(classes);
    }

    @ArchTest
    static void useCasesKnowNoHttpAndNoConsumers(JavaClasses classes) {
        noClasses().that().resideInAPackage(ROOT + "..application..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + "..api..", ROOT + "..messaging..",
                        "jakarta.ws.rs..", "cn.cvp.kit.problem..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("cn.cvp.kit.security.Caller")
                .check(classes);
    }

    @ArchTest
    static void eventsAreALeaf(JavaClasses classes) {
        for (String context : CONTEXTS) {
            String events = ROOT + "." + context + ".events";
            noClasses().that().resideInAPackage(events + "..")
                    .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(resideOutsideOfPackage(events + "..")))
                    .check(classes);
        }
    }

    @ArchTest
    static void consumersDecodeAndCallAUseCase(JavaClasses classes) {
        noClasses().that().resideInAPackage(ROOT + "..messaging..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + "..api..", ROOT + "..persistence..",
                        "cn.cvp.kit.outbox..")
                .check(classes);
    }

    @ArchTest
    static void resourcesAreThin(JavaClasses classes) {
        noClasses().that().resideInAPackage(ROOT + "..api..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + "..persistence..", ROOT + "..messaging..",
                        "cn.cvp.kit.outbox..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.transaction.Transactional")
                .check(classes);
    }

    @ArchTest
    static void onlyUseCasesWriteTheOutboxAndOpenTransactions(JavaClasses classes) {
        noClasses().that().resideOutsideOfPackage(ROOT + "..application..")
                .and().resideInAPackage(ROOT + "..")
                .should().dependOnClassesThat().haveFullyQualifiedName("cn.cvp.kit.outbox.Outbox")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.transaction.Transactional")
                .check(classes);
    }

    @ArchTest
    static void contextsMeetOnlyThroughUseCasesEventsOrDomainTypes(JavaClasses classes) {
        for (String context : CONTEXTS) {
            for (String other : CONTEXTS) {
                if (!other.equals(context)) {
                    String o = ROOT + "." + other;
                    noClasses().that().resideInAPackage(ROOT + "." + context + "..")
                            .should().dependOnClassesThat().resideInAnyPackage(o + ".api..", o + ".persistence..",
                                    o + ".messaging..")
                            .check(classes);
                }
            }
        }
    }

    @ArchTest
    static void supportBelongsToNoContext(JavaClasses classes) {
        for (String context : CONTEXTS) {
            noClasses().that().resideInAPackage(ROOT + ".support..")
                    .should().dependOnClassesThat().resideInAPackage(ROOT + "." + context + "..")
                    .check(classes);
        }
    }
}
