package cn.cvp.allocation;

import cn.cvp.kit.testing.HouseRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The house rules every service runs (the kit's {@link HouseRules}: layers inside each context, contexts meeting
 * only through use cases, events or domain types), one test each, plus this service's own: the Matcher is pure Java.
 */
class ArchitectureTest {

    private static final HouseRules RULES = HouseRules.of("cn.cvp.allocation");

    @TestFactory
    Stream<DynamicTest> theHouseRules() {
        return RULES.rules().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(RULES.imported())));
    }

    @Test
    void theMatcherIsPureJava() {
        noClasses().that().haveSimpleNameStartingWith("Matcher").or().haveSimpleName("Eligibility")
                .or().haveSimpleName("RelatedParties")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..")
                .check(RULES.imported());
    }
}
