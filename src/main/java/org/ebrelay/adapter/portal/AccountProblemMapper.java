package org.ebrelay.adapter.portal;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.ebrelay.app.portal.AccountProblem;

/** A refused user change answers 400, 404 or 409 with the reason. */
@Provider
public final class AccountProblemMapper implements ExceptionMapper<AccountProblem> {
    @Override
    public Response toResponse(AccountProblem problem) {
        switch (problem.kind()) {
            case NOT_FOUND:
                return PortalErrors.error(404, "NotFound", problem.getMessage());
            case CONFLICT:
                return PortalErrors.error(409, "NotAllowed", problem.getMessage());
            default:
                return PortalErrors.error(400, "MalformedRequest", problem.getMessage());
        }
    }
}
