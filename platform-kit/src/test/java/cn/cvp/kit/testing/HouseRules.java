package cn.cvp.kit.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The one set of architecture rules every service runs (docs/service-conventions.md, "Shape"). A service is
 * {@code <root>.<context>.<layer>} with the layers {@code api, application, domain, persistence, events,
 * messaging}, plus an optional {@code <root>.support} that belongs to no context. A service's ArchitectureTest
 * calls {@code HouseRules.of("cn.cvp.voucher").check()}; {@link #rules()} lists them one by one.
 */
public final class HouseRules {

    public static final List<String> LAYERS = List.of("api", "application", "domain", "persistence", "events", "messaging");
    private static final Set<String> NOT_FROM_ANOTHER_CONTEXT = Set.of("api", "persistence", "messaging");

    private final String root;
    private final JavaClasses classes;

    private HouseRules(String root, JavaClasses classes) {
        this.root = root;
        this.classes = classes;
    }

    /** The rules over a service's production classes (tests are not imported). */
    public static HouseRules of(String rootPackage) {
        return new HouseRules(rootPackage, new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(rootPackage));
    }

    /** The rules over the given classes (the kit's own test checks them on fixtures). */
    public static HouseRules of(String rootPackage, JavaClasses classes) {
        return new HouseRules(rootPackage, classes);
    }

    /** Checks every rule; the first rule broken fails with all its violations. */
    public void check() {
        rules().forEach(rule -> rule.check(classes));
    }

    public JavaClasses imported() {
        return classes;
    }

    public List<ArchRule> rules() {
        return List.of(everyClassLivesInAContextLayerOrSupport(), domainStandsAlone(), applicationKnowsNoEdge(),
                eventsAreALeaf(), consumersOnlyCallUseCases(), resourcesStayThin(), onlyUseCasesWriteTheOutbox(),
                onlyUseCasesOpenTransactions(), contextsMeetOnlyThroughUseCasesEventsOrDomain(), supportBelongsToNoContext());
    }

    /** Same shape everywhere: a class is in {@code <context>.<layer>} or in {@code support}. */
    public ArchRule everyClassLivesInAContextLayerOrSupport() {
        return classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<>("reside in " + root + ".<context>.<" + String.join("|", LAYERS) + "> or "
                        + root + ".support") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        boolean ok = layerOf(c.getPackageName()).isPresent() || inSupport(c.getPackageName());
                        if (!ok) {
                            events.add(SimpleConditionEvent.violated(c, c.getName() + " is in neither a context layer nor support"));
                        }
                    }
                }).because("a newcomer finds a rule's class in one guess when every service has the same shape");
    }

    public ArchRule domainStandsAlone() {
        return noClasses().that().resideInAPackage(root + "..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(root + "..api..", root + "..application..",
                        root + "..persistence..", root + "..messaging..", "jakarta.ws.rs..", "org.apache.kafka..",
                        "org.eclipse.microprofile.reactive.messaging..", "cn.cvp.kit.problem..", "cn.cvp.kit.outbox..",
                        "cn.cvp.kit.inbox..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("cn.cvp.kit.security.Caller")
                .allowEmptyShould(true)
                .because("the domain is the programme's rules in plain Java; it raises DomainException, the edge picks the status");
    }

    public ArchRule applicationKnowsNoEdge() {
        return noClasses().that().resideInAPackage(root + "..application..")
                .should().dependOnClassesThat().resideInAnyPackage(root + "..api..", root + "..messaging..",
                        "jakarta.ws.rs..", "cn.cvp.kit.problem..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("cn.cvp.kit.security.Caller")
                .allowEmptyShould(true)
                .because("use cases take their own commands and an Actor, never request types, HTTP callers or statuses");
    }

    public ArchRule eventsAreALeaf() {
        return classes().that().resideInAPackage(root + "..events..")
                .should(new ArchCondition<>("depend on nothing of the service but events") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        for (Dependency d : c.getDirectDependenciesFromSelf()) {
                            String target = d.getTargetClass().getPackageName();
                            if (inRoot(target) && !"events".equals(layerOf(target).orElse(null))) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .allowEmptyShould(true)
                .because("event records are the contract; they must not drag the service's internals along");
    }

    public ArchRule consumersOnlyCallUseCases() {
        return noClasses().that().resideInAPackage(root + "..messaging..")
                .should().dependOnClassesThat().resideInAnyPackage(root + "..api..", root + "..persistence..",
                        "cn.cvp.kit.outbox..")
                .allowEmptyShould(true)
                .because("a consumer decodes an event and calls one use case with a command");
    }

    public ArchRule resourcesStayThin() {
        return noClasses().that().resideInAPackage(root + "..api..")
                .should().dependOnClassesThat().resideInAnyPackage(root + "..persistence..", root + "..messaging..",
                        "cn.cvp.kit.outbox..")
                .allowEmptyShould(true)
                .because("a resource parses, authorises, calls one use case and maps the answer");
    }

    public ArchRule onlyUseCasesWriteTheOutbox() {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(root + "..application..", root + "..persistence..")
                .should().dependOnClassesThat().haveFullyQualifiedName("cn.cvp.kit.outbox.Outbox")
                .allowEmptyShould(true)
                .because("a state change and its events commit in the use case's one transaction");
    }

    public ArchRule onlyUseCasesOpenTransactions() {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(root + "..application..", root + "..persistence..")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.transaction.Transactional")
                .allowEmptyShould(true)
                .because("use cases are the only place that opens transactions");
    }

    public ArchRule contextsMeetOnlyThroughUseCasesEventsOrDomain() {
        return classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<>("not depend on another context's api, persistence or messaging") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        Optional<String> from = contextOf(c.getPackageName());
                        if (from.isEmpty()) {
                            return;
                        }
                        for (Dependency d : c.getDirectDependenciesFromSelf()) {
                            String target = d.getTargetClass().getPackageName();
                            Optional<String> to = contextOf(target);
                            if (to.isPresent() && !to.equals(from)
                                    && NOT_FROM_ANOTHER_CONTEXT.contains(layerOf(target).orElse(""))) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .because("contexts meet through application services or events, never through each other's repositories");
    }

    public ArchRule supportBelongsToNoContext() {
        return noClasses().that().resideInAPackage(root + ".support..")
                .should().dependOnClassesThat(new DescribedPredicate<>("belong to a context") {
                    @Override
                    public boolean test(JavaClass target) {
                        return contextOf(target.getPackageName()).isPresent();
                    }
                })
                .allowEmptyShould(true)
                .because("support is what every context may use, so it may use none of them");
    }

    private boolean inRoot(String pkg) {
        return pkg.equals(root) || pkg.startsWith(root + ".");
    }

    private boolean inSupport(String pkg) {
        return pkg.equals(root + ".support") || pkg.startsWith(root + ".support.");
    }

    /** {@code <root>.<context>.<layer>[.…]} → layer. */
    private Optional<String> layerOf(String pkg) {
        String[] parts = relative(pkg);
        return parts.length >= 2 && LAYERS.contains(parts[1]) ? Optional.of(parts[1]) : Optional.empty();
    }

    private Optional<String> contextOf(String pkg) {
        return layerOf(pkg).map(layer -> relative(pkg)[0]);
    }

    private String[] relative(String pkg) {
        if (!inRoot(pkg) || pkg.equals(root)) {
            return new String[0];
        }
        return pkg.substring(root.length() + 1).split("\\.");
    }
}
