package cn.cvp.console.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTest {
    @Test
    void readsTheServicesProblemJsonWithBothLanguagesAndFieldErrors() {
        Problem p = Problem.of(400, Map.of("code", "VALIDATION_FAILED", "detail", "请求中以下字段无效",
                "messages", Map.of("en", "The request has invalid fields: cardHours", "zh", "请求中以下字段无效：cardHours"),
                "errors", List.of(Map.of("field", "create.request.demand.cardHours", "code", "Positive", "message", "must be greater than 0"))));
        assertThat(p.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(p.message(false)).isEqualTo("请求中以下字段无效：cardHours");
        assertThat(p.other(false)).isEqualTo("The request has invalid fields: cardHours");
        assertThat(p.field("cardHours").message()).isEqualTo("must be greater than 0");
        assertThat(p.field("purpose")).isNull();
    }

    @Test
    void anAnswerWithoutABodyStillSaysWhatHappenedInBothLanguages() {
        Problem p = Problem.of(403, null);
        assertThat(p.code()).isEqualTo("HTTP_403");
        assertThat(p.message(false)).isEqualTo("您没有执行此操作的权限");
        assertThat(p.message(true)).isEqualTo("You are not allowed to do this");
    }
}
