package org.ebrelay.adapter.xmldsig;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.xml.security.signature.XMLSignatureByteInput;
import org.apache.xml.security.signature.XMLSignatureInput;
import org.apache.xml.security.utils.resolver.ResourceResolverContext;
import org.apache.xml.security.utils.resolver.ResourceResolverException;
import org.apache.xml.security.utils.resolver.ResourceResolverSpi;
import org.ebrelay.domain.message.Payload;

/**
 * Resolves {@code cid:} references to the message's payloads (SIG-5): the digest covers the content octets after
 * transfer decoding, without MIME headers. A cid: URL may be %-encoded (RFC 2392); a Content-ID matches either way.
 */
final class CidResolver extends ResourceResolverSpi {
    private final List<Payload> payloads;

    CidResolver(List<Payload> payloads) {
        this.payloads = List.copyOf(payloads);
    }

    @Override
    public boolean engineCanResolveURI(ResourceResolverContext context) {
        return context.uriToResolve != null && context.uriToResolve.startsWith("cid:");
    }

    @Override
    public XMLSignatureInput engineResolveURI(ResourceResolverContext context) throws ResourceResolverException {
        Payload payload = find(context.uriToResolve);
        if (payload == null) {
            throw new ResourceResolverException("no payload has the Content-ID of " + context.uriToResolve,
                    context.uriToResolve, context.baseUri);
        }
        XMLSignatureInput input = new XMLSignatureByteInput(payload.content());
        input.setSourceURI(context.uriToResolve);
        input.setMIMEType(payload.contentType());
        return input;
    }

    Payload find(String uri) {
        String id = uri.substring("cid:".length());
        String decoded = id.indexOf('%') < 0 ? id : URLDecoder.decode(id.replace("+", "%2B"), StandardCharsets.UTF_8);
        for (Payload payload : payloads) {
            if (payload.contentId().equals(id) || payload.contentId().equals(decoded)) {
                return payload;
            }
        }
        return null;
    }
}
