package org.ebrelay.adapter.rest;

/**
 * Every error the API answers: a stable code and a sentence for a person.
 *
 * @param error  e.g. MalformedRequest, NotFound, or a submission refusal code (UnknownCpa, NotAllowed, ...)
 * @param detail what was wrong
 */
public record ApiError(String error, String detail) {
}
