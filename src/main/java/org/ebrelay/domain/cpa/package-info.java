/**
 * The CPA model: a validated, immutable view of a Collaboration Protocol Agreement holding what an ebMS 2.0
 * MSH needs, and the rules that resolve a message against it (cpa-digest §3). Plain JDK types only; the
 * XML is read by {@code org.ebrelay.adapter.cpa}.
 *
 * <p>Nullable record components say so in their doc comments.
 */
package org.ebrelay.domain.cpa;
