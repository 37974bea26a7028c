package cn.cvp.kit.ids;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {

    @Test
    void ids_are_version_7_unique_and_each_sorts_after_the_one_before() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = TimeOrderedIds.next();
            assertThat(id.version()).isEqualTo(7);
            ids.add(id.toString());
        }
        // PostgreSQL orders uuid by its bytes, i.e. as their text sorts: the timestamp comes first
        assertThat(new HashSet<>(ids)).hasSize(10_000);
        assertThat(ids).isSorted();
    }
}
