package cn.cvp.console.web;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The layout loads htmx from the webjar at the version application.properties names: it must be on the classpath. */
class HtmxWebjarTest {
    @Test
    void theConfiguredHtmxVersionIsServedByTheConsole() throws Exception {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        String version = p.getProperty("cvp.console.htmx-version");
        assertThat(getClass().getResource("/META-INF/resources/webjars/htmx.org/" + version + "/dist/htmx.min.js")).isNotNull();
    }
}
