package cn.cvp.console.web;

import cn.cvp.console.ConsoleConfig;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;
import java.util.TreeSet;

/** Renders a page template with what every page needs ({@code ui}: language, signed-in person, path). */
@RequestScoped
public class Pages {
    private static final Set<String> ROLES = Set.of("enterprise", "provider", "reviewer", "approver", "auditor", "platform-admin");

    private final Engine engine;
    private final Ui ui;

    public Pages(Engine engine, Lang lang, SecurityIdentity identity, UriInfo uri, ConsoleConfig config) {
        this.engine = engine;
        Ui.User user = null;
        if (!identity.isAnonymous()) {
            String name = identity.getPrincipal().getName();
            String org = null;
            if (identity.getPrincipal() instanceof JsonWebToken jwt) {
                if (jwt.getClaim("preferred_username") != null) {
                    name = jwt.getClaim("preferred_username").toString();
                }
                Object o = jwt.getClaim("org_id");
                org = o == null ? null : o.toString().replace("\"", "");
            }
            Set<String> roles = new TreeSet<>(identity.getRoles());
            roles.retainAll(ROLES);
            user = new Ui.User(name, org, roles);
        }
        this.ui = new Ui(lang.english(), uri.getPath(), uri.getRequestUri().getRawQuery(), user, config.htmxVersion());
    }

    public Ui ui() {
        return ui;
    }

    public TemplateInstance page(String name) {
        Template t = engine.getTemplate(name);
        if (t == null) {
            throw new IllegalStateException("no template " + name);
        }
        // what most pages may or may not have: present (null) so that strict rendering only catches real typos
        return t.data("ui", ui).data("msg", null).data("problem", null).data("failedId", null)
                .data("statement", null).data("statementProblem", null);
    }
}
