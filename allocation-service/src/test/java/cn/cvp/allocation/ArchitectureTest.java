package cn.cvp.allocation;

import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.security.Caller;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The house rules (layers inside each context, contexts meeting only through application services, events or
 * domain types), plus this service's own: the Matcher is pure Java.
 */
class ArchitectureTest {

    private static final String ROOT = "cn.cvp.allocation";
    private static final List<String> CONTEXTS = List.of("catalogue", "matching", "usage");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    private static String layer(String name) {
        return ROOT + ".." + name + "..";
    }

    @Test
    void theDomainKnowsNoOtherLayerNorHttpMessagingOrTheOutbox() {
        noClasses().that().resideInAPackage(layer("domain"))
                .should().dependOnClassesThat().resideInAnyPackage(layer("api"), layer("application"),
                        layer("persistence"), layer("messaging"), "jakarta.ws.rs..", "org.apache.kafka..",
                        "org.eclipse.microprofile.reactive.messaging..", "cn.cvp.kit.problem..", "cn.cvp.kit.outbox..",
                        "cn.cvp.kit.inbox..")
                .orShould().dependOnClassesThat().belongToAnyOf(Caller.class)
                .check(CLASSES);
    }

    @Test
    void useCasesKnowNeitherTheApiNorMessagingNorHttp() {
        noClasses().that().resideInAPackage(layer("application"))
                .should().dependOnClassesThat().resideInAnyPackage(layer("api"), layer("messaging"), "jakarta.ws.rs..",
                        "cn.cvp.kit.problem..")
                .orShould().dependOnClassesThat().belongToAnyOf(Caller.class)
                .check(CLASSES);
    }

    @Test
    void eventsAreALeaf() {
        noClasses().that().resideInAPackage(layer("events"))
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..")
                        .and(DescribedPredicate.not(resideInAPackage(layer("events")))))
                .check(CLASSES);
    }

    @Test
    void consumersKnowNeitherTheApiNorPersistenceNorTheOutbox() {
        noClasses().that().resideInAPackage(layer("messaging"))
                .should().dependOnClassesThat().resideInAnyPackage(layer("api"), layer("persistence"),
                        "cn.cvp.kit.outbox..")
                .check(CLASSES);
    }

    @Test
    void resourcesKnowNeitherPersistenceNorMessagingNorTransactions() {
        noClasses().that().resideInAPackage(layer("api"))
                .should().dependOnClassesThat().resideInAnyPackage(layer("persistence"), layer("messaging"),
                        "cn.cvp.kit.outbox..")
                .orShould().dependOnClassesThat().belongToAnyOf(Transactional.class)
                .check(CLASSES);
    }

    @Test
    void onlyUseCasesWriteToTheOutboxAndOpenTransactions() {
        noClasses().that().resideInAPackage(ROOT + "..").and().resideOutsideOfPackage(layer("application"))
                .should().dependOnClassesThat().belongToAnyOf(Outbox.class, Transactional.class)
                .check(CLASSES);
    }

    @Test
    void contextsMeetOnlyThroughUseCasesEventsOrDomainTypes() {
        for (String context : CONTEXTS) {
            String[] othersInside = CONTEXTS.stream().filter(c -> !c.equals(context))
                    .flatMap(c -> List.of("api", "persistence", "messaging").stream()
                            .map(l -> ROOT + "." + c + "." + l + ".."))
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(ROOT + "." + context + "..")
                    .should().dependOnClassesThat(resideInAnyPackage(othersInside))
                    .check(CLASSES);
        }
    }

    @Test
    void supportDependsOnNoContext() {
        noClasses().that().resideInAPackage(ROOT + ".support..")
                .should().dependOnClassesThat(resideInAnyPackage(CONTEXTS.stream().map(c -> ROOT + "." + c + "..")
                        .toArray(String[]::new)))
                .check(CLASSES);
    }

    @Test
    void theMatcherIsPureJava() {
        noClasses().that().haveSimpleNameStartingWith("Matcher").or().haveSimpleName("Eligibility")
                .or().haveSimpleName("RelatedParties")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..")
                .check(CLASSES);
    }
}
