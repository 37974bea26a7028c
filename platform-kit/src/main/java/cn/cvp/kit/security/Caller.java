package cn.cvp.kit.security;

import cn.cvp.kit.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the token's subject, user name, organisation (claim {@code org_id}) and roles.
 * An enterprise or provider user acts only for the organisation in its token.
 */
@RequestScoped
public class Caller {
    public static final String ORG_CLAIM = "org_id";

    private final SecurityIdentity identity;
    private final JsonWebToken jwt;

    public Caller(SecurityIdentity identity, JsonWebToken jwt) {
        this.identity = identity;
        this.jwt = jwt;
    }

    public String subject() {
        String sub = jwt.getSubject();
        return sub != null ? sub : identity.getPrincipal().getName();
    }

    public String username() {
        String name = jwt.getClaim("preferred_username");
        return name != null ? name : identity.getPrincipal().getName();
    }

    /** The organisation the token speaks for, or null for users without one (auditors). */
    public String organisation() {
        Object org = jwt.getClaim(ORG_CLAIM);
        return org == null ? null : org.toString();
    }

    /** The organisation, required: an enterprise or provider token without one cannot act. */
    public String requireOrganisation() {
        String org = organisation();
        if (org == null || org.isBlank()) {
            throw new ProblemException(403, "NO_ORGANISATION",
                    "Your account is not linked to an organisation", "您的账号未关联任何组织");
        }
        return org;
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Actor actor() {
        return new Actor(subject(), username(), organisation());
    }
}
