package cn.cvp.voucher.programme.domain;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Programme rules the unit tests start from: Beijing's 算力券, and variants of it. */
public final class RuleExamples {
    private RuleExamples() {
    }

    /** 20 %, ¥2,000,000 a year, compute only, Beijing enterprises of two industries, contract first. */
    public static ProgrammeRules beijing() {
        return new ProgrammeRules("110000", ProgrammeRules.ProgrammeKind.COMPUTE_VOUCHER, ProgrammeRules.FundingModel.CONTRACT_FIRST,
                new BigDecimal("0.20"), null, null, 200_000_000L, null, true, Set.of(ResourceCategory.COMPUTE), "11",
                Set.of("SOFTWARE_IT_SERVICES", "MANUFACTURING"), Set.of("MICRO", "SMALL", "MEDIUM", "LARGE"), false, 3,
                Set.of(ProgrammeRules.ProviderRequirement.PARTNER_PROGRAMME), LocalDate.parse("2023-09-01"), 12, true, 12,
                50_000_000L, ProgrammeRules.SettlementCycle.MONTHLY, ProgrammeRules.RedemptionSubmitter.ENTERPRISE,
                LocalDate.parse("2023-09-01"), LocalDate.parse("2027-12-31"));
    }

    /**
     * Beijing's rules with some of them changed, given as pairs of the rule's name and its value:
     * {@code beijingWith("subsidyRatio", new BigDecimal("0.5"), "teamsAllowed", true)}.
     */
    public static ProgrammeRules beijingWith(Object... namesAndValues) {
        Map<String, Object> changed = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            changed.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        ProgrammeRules base = beijing();
        RecordComponent[] components = ProgrammeRules.class.getRecordComponents();
        try {
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                String name = components[i].getName();
                values[i] = changed.containsKey(name) ? changed.remove(name) : components[i].getAccessor().invoke(base);
            }
            if (!changed.isEmpty()) {
                throw new IllegalArgumentException("no such rules: " + changed.keySet());
            }
            Constructor<ProgrammeRules> canonical = ProgrammeRules.class.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
