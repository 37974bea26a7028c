package cn.cvp.voucher;

import cn.cvp.kit.testing.HouseRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/** voucher-service keeps the house rules of every service (the kit's HouseRules), each rule a test of its own. */
class ArchitectureTest {
    private static final HouseRules RULES = HouseRules.of("cn.cvp.voucher");

    @TestFactory
    Stream<DynamicTest> everyHouseRuleHolds() {
        return RULES.rules().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(RULES.imported())));
    }
}
