package cn.cvp.provider;

import cn.cvp.kit.testing.HouseRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/**
 * provider-service keeps the house shape: the platform's one rule set (platform-kit's {@link HouseRules}) over its
 * contexts {@code provider}, {@code offering}, {@code usage} and {@code allocation}, and {@code support}. One test per
 * rule, so that a broken build names every rule it breaks.
 */
class ArchitectureTest {
    private static final HouseRules RULES = HouseRules.of("cn.cvp.provider");

    @TestFactory
    Stream<DynamicTest> theHouseRules() {
        return RULES.rules().stream().map(rule ->
                DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(RULES.imported())));
    }
}
