package org.ebrelay.adapter.portal;

import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.ebrelay.app.AccessCheck;
import org.ebrelay.app.portal.AuditLog;
import org.ebrelay.app.portal.PasswordHasher;
import org.ebrelay.app.portal.PortalSessions;
import org.ebrelay.app.portal.PortalSettings;
import org.ebrelay.app.portal.SessionTokens;
import org.ebrelay.app.portal.UserAccounts;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;

/**
 * The portal's parts over the bank's database: users, sessions and audit, the JAX-RS resources and providers to
 * add to the bank API (under {@code /bank/api}), and the static pages (under {@code /bank/}).
 */
public final class Portal {
    private final UserAccounts accounts;
    private final PortalSessions sessions;
    private final AuditLog audit;
    private final AccessCheck nodeAccess;
    private final PortalPages pages;
    private final Clock clock;

    public Portal(DataSource bankDatabase, PortalSettings settings, int passwordCost, AccessCheck nodeAccess,
                  Clock clock) {
        PasswordHasher hasher = new BcryptPasswordHasher(passwordCost);
        JdbcUserStore users = new JdbcUserStore(bankDatabase);
        JdbcSessionStore sessionStore = new JdbcSessionStore(bankDatabase);
        this.audit = new JdbcAuditLog(bankDatabase);
        this.accounts = new UserAccounts(users, sessionStore, hasher, audit, settings, clock);
        this.sessions = new PortalSessions(users, sessionStore, hasher, audit, settings, new SessionTokens(), clock);
        this.nodeAccess = nodeAccess;
        this.pages = new PortalPages(sessions);
        this.clock = clock;
    }

    public UserAccounts accounts() {
        return accounts;
    }

    /** The audit log: sign-ins, user changes, portal actions, and the operator actions nodes ship. */
    public AuditLog audit() {
        return audit;
    }

    public PortalSessions sessions() {
        return sessions;
    }

    /** The session and user endpoints, to serve beside the bank's resources. */
    public List<Object> resources() {
        return List.of(new SessionResource(sessions, accounts), new UsersResource(accounts, audit));
    }

    /** The access filter (first) and the mapping of refused user changes. */
    public List<Object> providers() {
        return List.of(new PortalAccessFilter(sessions, nodeAccess, audit, clock), new AccountProblemMapper());
    }

    /** The static portal (HTML, CSS, JS from the classpath), a JAX-RS resource to publish at {@code /bank}. */
    public PortalPages pages() {
        return pages;
    }

    /** Publishes the pages on {@code bus} at {@code address} (absolute, on CXF's own Jetty: the standalone bank). */
    public Server mountPages(Bus bus, String address) {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress(address);
        factory.setServiceBeans(List.of(pages));
        return factory.create();
    }
}
