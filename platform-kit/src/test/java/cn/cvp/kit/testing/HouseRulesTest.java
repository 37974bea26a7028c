package cn.cvp.kit.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The house rules pass on a well-shaped fixture service and fire on a broken one, each for its own reason. */
class HouseRulesTest {
    private static final String GOOD = "cn.cvp.kit.testing.fixture.good";
    private static final String BROKEN = "cn.cvp.kit.testing.fixture.broken";
    private final HouseRules good = HouseRules.of(GOOD, new ClassFileImporter().importPackages(GOOD));
    private final HouseRules broken = HouseRules.of(BROKEN, new ClassFileImporter().importPackages(BROKEN));

    @Test
    void aWellShapedServicePassesEveryRule() {
        assertThat(good.imported()).hasSizeGreaterThanOrEqualTo(6);
        good.check();
    }

    @Test
    void anApplicationClassImportingTheApiFails() {
        assertFails(broken.applicationKnowsNoEdge(), broken.imported(), "PlaceOrder", "OrderRequest");
    }

    @Test
    void aDomainClassChoosingAnHttpStatusFails() {
        assertFails(broken.domainStandsAlone(), broken.imported(), "Order", "ProblemException");
    }

    @Test
    void aContextReachingIntoAnotherContextsPersistenceFails() {
        assertFails(broken.contextsMeetOnlyThroughUseCasesEventsOrDomain(), broken.imported(), "Orders", "InvoiceReader");
    }

    @Test
    void aClassOutsideTheShapeFails() {
        assertFails(broken.everyClassLivesInAContextLayerOrSupport(), broken.imported(), "Helper");
    }

    @Test
    void readingAnotherContextsDomainIsAllowed() {
        JavaClasses billing = new ClassFileImporter().importPackages(BROKEN + ".billing");
        broken.contextsMeetOnlyThroughUseCasesEventsOrDomain().check(billing);
    }

    @Test
    void theWholeBrokenServiceFails() {
        assertThatThrownBy(broken::check).isInstanceOf(AssertionError.class);
    }

    private static void assertFails(ArchRule rule, JavaClasses classes, String... mentioned) {
        assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class)
                .hasMessageContainingAll(mentioned);
    }
}
