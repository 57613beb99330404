/**
 * The ebMS 2.0 message model: plain values, no framework types.
 *
 * <p>Optional header blocks are nullable record components; each says so in its doc comment.
 * Values are checked for what the model itself needs (non-blank identifiers); whether a message is
 * acceptable to a receiver is decided elsewhere and reported as {@link org.ebrelay.domain.message.EbmsError}s.
 */
package org.ebrelay.domain.message;
