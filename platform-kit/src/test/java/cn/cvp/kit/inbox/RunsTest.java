package cn.cvp.kit.inbox;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunsTest {

    @Test
    void consecutive_set_wise_events_go_together_and_everything_stays_in_order() {
        List<String> calls = new ArrayList<>();
        Runs.apply(List.of("u1", "u2", "created", "u3", "completed", "cancelled", "u4", "u5", "u6"),
                e -> e.startsWith("u"), run -> calls.add(String.join("+", run)), calls::add);
        assertThat(calls).containsExactly("u1+u2", "created", "u3", "completed", "cancelled", "u4+u5+u6");
    }

    @Test
    void a_poll_of_only_single_events_or_nothing() {
        List<String> calls = new ArrayList<>();
        Runs.apply(List.of("created", "held"), e -> e.startsWith("u"), run -> calls.add("run" + run), calls::add);
        Runs.apply(List.<String>of(), e -> true, run -> calls.add("run" + run), calls::add);
        assertThat(calls).containsExactly("created", "held");
    }
}
