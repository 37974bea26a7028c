package cn.cvp.voucher.review.domain;

import cn.cvp.voucher.programme.domain.ResourceCategory;
import cn.cvp.voucher.programme.domain.ResourceClass;
import cn.cvp.voucher.support.Refusal;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static cn.cvp.voucher.programme.domain.RuleExamples.beijing;
import static cn.cvp.voucher.programme.domain.RuleExamples.beijingWith;
import static org.assertj.core.api.Assertions.assertThat;

/** Beijing covers intelligent compute only; Shanghai compute and storage. */
class CoveredResourcesTest {

    @Test
    void computeOnlyRefusesStorage() {
        assertThat(CoveredResources.check(beijing(), ResourceClass.GPU_A800_80G)).isEmpty();
        assertThat(CoveredResources.check(beijing(), ResourceClass.NPU_ASCEND_910B)).isEmpty();
        assertThat(CoveredResources.check(beijing(), ResourceClass.STORAGE_TB_MONTH)).map(Refusal::code)
                .contains("CATEGORY_NOT_COVERED");
    }

    @Test
    void computeAndStorageCoversBoth() {
        var shanghai = beijingWith("coveredCategories", Set.of(ResourceCategory.COMPUTE, ResourceCategory.STORAGE));
        assertThat(CoveredResources.check(shanghai, ResourceClass.STORAGE_TB_MONTH)).isEmpty();
        assertThat(CoveredResources.check(shanghai, ResourceClass.GPU_H800_80G)).isEmpty();
    }
}
