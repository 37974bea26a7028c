package cn.cvp.kit.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Applies a poll's events in their order, handing each run of consecutive events that can be applied set-wise
 * (usage decisions, say) to one call, and every other event to a call of its own. Order is kept exactly: an event
 * is applied after every event polled before it.
 */
public final class Runs {

    private Runs() {
    }

    public static <T> void apply(List<T> events, Predicate<T> setWise, Consumer<List<T>> run, Consumer<T> single) {
        List<T> pending = new ArrayList<>();
        for (T event : events) {
            if (setWise.test(event)) {
                pending.add(event);
                continue;
            }
            if (!pending.isEmpty()) {
                run.accept(List.copyOf(pending));
                pending.clear();
            }
            single.accept(event);
        }
        if (!pending.isEmpty()) {
            run.accept(List.copyOf(pending));
        }
    }
}
