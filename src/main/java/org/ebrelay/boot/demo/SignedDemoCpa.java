package org.ebrelay.boot.demo;

/**
 * The demo CPA made to sign (issue 6): signed business messages both ways (isNonRepudiationRequired, and a
 * SenderNonRepudiation with rsa-sha256 and sha256 on the reliable channels), each party's signing certificate in its
 * PartyInfo, MSH channels that sign acknowledgments, and optionally signed acknowledgments asked for
 * (ackSignatureRequested="always"). Used by {@code ebrelay bench --signed} and the end-to-end tests. Each change is a
 * text replacement that must find what it replaces, so an edit of the demo CPA fails loudly here.
 */
public final class SignedDemoCpa {
    private static final String XMLDSIG = "<tns:NonRepudiationProtocol>http://www.w3.org/2000/09/xmldsig#"
            + "</tns:NonRepudiationProtocol><tns:HashFunction>http://www.w3.org/2001/04/xmlenc#sha256</tns:HashFunction>"
            + "<tns:SignatureAlgorithm>http://www.w3.org/2001/04/xmldsig-more#rsa-sha256</tns:SignatureAlgorithm>";

    private SignedDemoCpa() {
    }

    /**
     * @param hospitalCertificate base64 DER of the hospital's signing certificate
     * @param labCertificate      base64 DER of the laboratory's
     */
    public static String signed(String cpa, String hospitalCertificate, String labCertificate, boolean signedAcks) {
        String text = required(cpa, "tns:isNonRepudiationRequired=\"false\"")
                .replace("tns:isNonRepudiationRequired=\"false\"", "tns:isNonRepudiationRequired=\"true\"");
        if (signedAcks) {
            String reliable = "tns:ackRequested=\"always\" tns:ackSignatureRequested=\"never\"";
            text = required(text, reliable).replace(reliable,
                    "tns:ackRequested=\"always\" tns:ackSignatureRequested=\"always\"");
        }
        return party(party(text, "RGH", hospitalCertificate.trim()), "NRL", labCertificate.trim());
    }

    private static String party(String cpa, String prefix, String certificate) {
        String certId = prefix + "_Signing";
        String sender = "<tns:SenderNonRepudiation>" + XMLDSIG + "<tns:SigningCertificateRef tns:certId=\"" + certId
                + "\"/></tns:SenderNonRepudiation>";
        String receiver = "<tns:ReceiverNonRepudiation>" + XMLDSIG + "</tns:ReceiverNonRepudiation>";
        String channel = "<tns:DeliveryChannel tns:channelId=\"" + prefix + "_ReliableChannel\"";
        String text = required(cpa, channel).replace(channel, "<tns:Certificate tns:certId=\"" + certId + "\">"
                + "<ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + certificate + "</ds:X509Certificate>"
                + "</ds:X509Data></ds:KeyInfo></tns:Certificate>\n\t\t" + channel);
        text = within(text, prefix + "_DocExchange_Reliable", "</tns:PersistDuration>\n\t\t\t</tns:ebXMLSenderBinding>",
                "</tns:PersistDuration>" + sender + "</tns:ebXMLSenderBinding>");
        text = within(text, prefix + "_DocExchange_Reliable",
                "</tns:PersistDuration>\n\t\t\t</tns:ebXMLReceiverBinding>",
                "</tns:PersistDuration>" + receiver + "</tns:ebXMLReceiverBinding>");
        text = within(text, prefix + "_DocExchange_Signals", "<tns:ebXMLSenderBinding tns:version=\"2.0\">",
                "<tns:ebXMLSenderBinding tns:version=\"2.0\">" + sender);
        return within(text, prefix + "_DocExchange_Signals", "<tns:ebXMLReceiverBinding tns:version=\"2.0\">",
                "<tns:ebXMLReceiverBinding tns:version=\"2.0\">" + receiver);
    }

    /** Replaces the first {@code what} inside the DocExchange {@code docExchangeId}. */
    private static String within(String text, String docExchangeId, String what, String with) {
        int from = text.indexOf("<tns:DocExchange tns:docExchangeId=\"" + docExchangeId + "\">");
        int at = from < 0 ? -1 : text.indexOf(what, from);
        if (at < 0) {
            throw new IllegalArgumentException("the demo CPA has no " + what.trim() + " in " + docExchangeId);
        }
        return text.substring(0, at) + with + text.substring(at + what.length());
    }

    private static String required(String text, String what) {
        if (!text.contains(what)) {
            throw new IllegalArgumentException("the demo CPA has no " + what);
        }
        return text;
    }
}
