package cn.cvp.kit.ids;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {

    @Test
    void ids_are_version_7_unique_and_later_ones_sort_after_earlier_ones() throws InterruptedException {
        UUID first = TimeOrderedIds.next();
        Set<UUID> many = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(TimeOrderedIds.next());
        }
        Thread.sleep(2);
        UUID later = TimeOrderedIds.next();

        assertThat(first.version()).isEqualTo(7);
        assertThat(many).hasSize(10_000).doesNotContain(first, later);
        // PostgreSQL orders uuid by its bytes: the timestamp comes first
        assertThat(first.toString().compareTo(later.toString())).isNegative();
    }
}
