package org.ebrelay.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The demo CPA ({@code cpa/demo-hospital-lab.xml}) as the end-to-end tests run it: endpoints on the test's ports,
 * and optionally other retry terms or asynchronous acknowledgments. Each change is a plain text replacement that
 * must find what it replaces, so an edit of the shipped CPA breaks the test loudly instead of silently.
 */
final class DemoCpa {
    static final String CPA_ID = "urn:ebrelay:demo:cpa:hospital-lab:1";
    static final String HOSPITAL = "urn:oid:2.16.840.1.113883.19.5:RGH-0001";
    static final String LAB = "urn:oid:2.16.840.1.113883.19.5:NRL-0042";
    static final String SERVICE = "urn:example:services:hl7v2:laboratory";
    static final String SERVICE_TYPE = "urn:example:service-type:hl7v2";
    /** Hospital to laboratory. */
    static final String ORDER = "OML_O21";
    /** Laboratory to hospital. */
    static final String RESULT = "ORU_R01";

    private static final Path SHIPPED = Path.of("cpa", "demo-hospital-lab.xml");
    private static final String HOSPITAL_ENDPOINT = "http://127.0.0.1:8081/ebms";
    private static final String LAB_ENDPOINT = "http://127.0.0.1:8082/ebms";

    private final String xml;

    private DemoCpa(String xml) {
        this.xml = xml;
    }

    static DemoCpa shipped() {
        try {
            return new DemoCpa(Files.readString(SHIPPED, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the demo CPA " + SHIPPED.toAbsolutePath(), e);
        }
    }

    /** Both parties' endpoints on these loopback ports. */
    DemoCpa endpoints(int hospitalPort, int labPort) {
        return replace(HOSPITAL_ENDPOINT, endpoint(hospitalPort))
                .replace(LAB_ENDPOINT, endpoint(labPort));
    }

    /** Retries and RetryInterval of every reliable binding. */
    DemoCpa retries(int retries, Duration interval) {
        return replace("<tns:Retries>4</tns:Retries>", "<tns:Retries>" + retries + "</tns:Retries>")
                .replace("<tns:RetryInterval>PT2S</tns:RetryInterval>",
                        "<tns:RetryInterval>" + interval + "</tns:RetryInterval>");
    }

    /** The agreement's End (ISO instant). */
    DemoCpa end(String instant) {
        return replace("<tns:End>2031-11-19T00:00:00Z</tns:End>", "<tns:End>" + instant + "</tns:End>");
    }

    /** Any text of the document replaced (it must be there). */
    DemoCpa edit(String what, String with) {
        return replace(what, with);
    }

    /** PersistDuration of both parties' bindings. */
    DemoCpa persistDuration(Duration duration) {
        return replace("<tns:PersistDuration>PT1H</tns:PersistDuration>",
                "<tns:PersistDuration>" + duration + "</tns:PersistDuration>");
    }

    /**
     * Acknowledgments in a separate POST: no SyncReply on the business channels, and none on the MSH channels
     * either (the attribute removed), so the Acknowledgment travels to the sender's /ebms on its own.
     */
    DemoCpa asynchronousAcks() {
        return replace("tns:syncReplyMode=\"mshSignalsOnly\" tns:ackRequested=\"always\"",
                "tns:syncReplyMode=\"none\" tns:ackRequested=\"always\"")
                .replace("tns:syncReplyMode=\"mshSignalsOnly\" tns:ackRequested=\"never\"",
                        "tns:ackRequested=\"never\"");
    }

    /**
     * Signed business messages both ways (isNonRepudiationRequired, SenderNonRepudiation with rsa-sha256 and sha256
     * on the reliable channels), each party's signing certificate in its PartyInfo, and MSH channels that can sign
     * acknowledgments. With {@code signedAcks}, the reliable channels ask for signed acknowledgments too.
     *
     * @param hospitalCertificate base64 DER of the hospital's signing certificate
     * @param labCertificate      base64 DER of the laboratory's
     */
    DemoCpa signed(String hospitalCertificate, String labCertificate, boolean signedAcks) {
        return new DemoCpa(org.ebrelay.boot.demo.SignedDemoCpa.signed(xml, hospitalCertificate, labCertificate,
                signedAcks));
    }

    /** The hospital known under another PartyId value: its messages come from a party this CPA does not name. */
    DemoCpa hospitalPartyIdValue(String value) {
        return replace(">RGH-0001</tns:PartyId>", ">" + value + "</tns:PartyId>");
    }

    /**
     * Both parties post over HTTPS and each presents the given TLS client certificate (base64 DER), which the CPA
     * names for it (Certificate, TransportClientSecurity/ClientCertificateRef): HTTP-8 checks it on receipt.
     */
    DemoCpa mutualTls(String hospitalCertificate, String labCertificate) {
        DemoCpa https = replace("tns:uri=\"http://127.0.0.1:", "tns:uri=\"https://127.0.0.1:");
        return https.clientCertificate("RGH", hospitalCertificate).clientCertificate("NRL", labCertificate);
    }

    private DemoCpa clientCertificate(String party, String base64) {
        String certId = party + "_TlsCert";
        return replace("\t\t<tns:DeliveryChannel tns:channelId=\"" + party + "_ReliableChannel\"",
                "\t\t<tns:Certificate tns:certId=\"" + certId + "\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
                        + base64 + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></tns:Certificate>\n"
                        + "\t\t<tns:DeliveryChannel tns:channelId=\"" + party + "_ReliableChannel\"")
                .replace("<tns:Transport tns:transportId=\"" + party + "_Transport\">\n\t\t\t<tns:TransportSender>\n"
                                + "\t\t\t\t<tns:TransportProtocol tns:version=\"1.1\">HTTP</tns:TransportProtocol>\n",
                        "<tns:Transport tns:transportId=\"" + party + "_Transport\">\n\t\t\t<tns:TransportSender>\n"
                                + "\t\t\t\t<tns:TransportProtocol tns:version=\"1.1\">HTTP</tns:TransportProtocol>\n"
                                + "\t\t\t\t<tns:TransportClientSecurity><tns:TransportSecurityProtocol tns:version=\"1.2\">"
                                + "TLS</tns:TransportSecurityProtocol><tns:ClientCertificateRef tns:certId=\"" + certId
                                + "\"/></tns:TransportClientSecurity>\n");
    }

    String xml() {
        return xml;
    }

    /** Writes this CPA as the only file of a fresh CPA directory. */
    Path writeInto(Path cpaDir) {
        try {
            Files.createDirectories(cpaDir);
            return Files.writeString(cpaDir.resolve("demo-hospital-lab.xml"), xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String endpoint(int port) {
        return "http://127.0.0.1:" + port + "/ebms";
    }

    private DemoCpa replace(String what, String with) {
        if (!xml.contains(what)) {
            throw new IllegalStateException("the demo CPA no longer contains " + what);
        }
        return new DemoCpa(xml.replace(what, with));
    }
}
