package org.ebrelay.app.portal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ApiAccessRulesTest {

    @ParameterizedTest(name = "{0} {1} needs {2} {3}")
    @CsvSource({
            "POST,   /session,                 ANYONE, ",
            "GET,    /session,                 USER,   VIEWER",
            "DELETE, /session,                 USER,   VIEWER",
            "POST,   /session/password,        USER,   VIEWER",
            "GET,    /messages,                USER,   VIEWER",
            "GET,    /messages/17/wire,        USER,   VIEWER",
            "GET,    /dashboard,               USER,   VIEWER",
            "GET,    /nodes,                   USER,   VIEWER",
            "GET,    /manual,                  USER,   VIEWER",
            "POST,   /messages/17/resend,      USER,   OPERATOR",
            "POST,   /resends,                 USER,   OPERATOR",
            "POST,   /resends/search,          USER,   OPERATOR",
            "POST,   /resends/,                USER,   OPERATOR",
            "GET,    /users,                   USER,   ADMIN",
            "POST,   /users,                   USER,   ADMIN",
            "PATCH,  /users/alice,             USER,   ADMIN",
            "GET,    /audit,                   USER,   ADMIN",
            "DELETE, /messages/17,             USER,   ADMIN",
            "POST,   /something-new,           USER,   ADMIN",
            "POST,   /feed,                    NODE, ",
            "POST,   /nodes/node-1/hello,      NODE, ",
            "GET,    /nodes/node-1/work,       NODE, ",
            "POST,   /nodes/node-1/work/88,    NODE, ",
            "POST,   /nodes/node-1/cpas,       NODE, ",
            "GET,    /cpas,                    USER,   VIEWER",
            "GET,    /cpas/urn:x:cpa,          USER,   VIEWER",
    })
    void eachEndpointNeedsWhatItsKindOfCallerHas(String method, String path, ApiAccessRules.Kind kind, Role role) {
        ApiAccessRules.Need need = ApiAccessRules.needFor(method, path);

        assertThat(need.kind()).isEqualTo(kind);
        assertThat(need.role()).isEqualTo(role);
    }

    @ParameterizedTest
    @CsvSource({"GET,false", "HEAD,false", "OPTIONS,false", "POST,true", "PUT,true", "PATCH,true", "DELETE,true"})
    void onlyStateChangingMethodsNeedTheCsrfToken(String method, boolean changes) {
        assertThat(ApiAccessRules.changesState(method)).isEqualTo(changes);
    }

    @ParameterizedTest
    @CsvSource({"VIEWER,VIEWER,true", "VIEWER,OPERATOR,false", "OPERATOR,VIEWER,true", "OPERATOR,ADMIN,false",
            "ADMIN,OPERATOR,true", "ADMIN,ADMIN,true"})
    void aRoleIncludesTheRolesBelowIt(Role held, Role needed, boolean included) {
        assertThat(held.includes(needed)).isEqualTo(included);
    }
}
