package org.ebrelay.adapter.soap;

/** Namespace URIs and fixed values the decoder resolves elements by (NS-1: never by prefix). */
final class DecoderNames {
    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    static final String EB = "http://www.oasis-open.org/committees/ebxml-msg/schema/msg-header-2_0.xsd";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String XML = "http://www.w3.org/XML/1998/namespace";
    static final String EB_VERSION = "2.0";

    private DecoderNames() {
    }
}
