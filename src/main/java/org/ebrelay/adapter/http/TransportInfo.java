package org.ebrelay.adapter.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Transport facts about one inbound request, for checks that come later (HTTP-8: the TLS client certificate
 * must match the From party's CPA certificate) and for logging.
 *
 * @param remoteAddress      the peer's socket address
 * @param secure             whether the request came over TLS
 * @param clientCertificates the TLS client certificate chain, leaf first; empty without TLS client auth
 */
public record TransportInfo(SocketAddress remoteAddress, boolean secure, List<X509Certificate> clientCertificates) {
    public TransportInfo {
        clientCertificates = List.copyOf(clientCertificates);
    }

    /** The peer's IP address as text, or the address's own text for a non-IP transport. */
    public String remoteHost() {
        return remoteAddress instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(remoteAddress);
    }
}
