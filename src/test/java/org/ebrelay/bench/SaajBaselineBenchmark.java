package org.ebrelay.bench;

import jakarta.xml.soap.AttachmentPart;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.MimeHeaders;
import jakarta.xml.soap.Name;
import jakarta.xml.soap.SOAPBody;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPEnvelope;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPHeader;
import jakarta.xml.soap.SOAPHeaderElement;
import jakarta.xml.soap.SOAPMessage;
import org.ebrelay.adapter.soap.EncoderFixtures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.w3c.dom.Node;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * The reference figure: the same reliable user message with a 2 KB HL7 v2 payload, built and serialised with
 * plain SAAJ, and parsed back with SAAJ reading every header element and the attachment bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SaajBaselineBenchmark {
    private static final String EB = "http://www.oasis-open.org/committees/ebxml-msg/schema/msg-header-2_0.xsd";
    private static final String XLINK = "http://www.w3.org/1999/xlink";

    private MessageFactory factory;
    private final byte[] hl7 = EncoderFixtures.hl7v2(2048);
    private byte[] serialised;
    private String contentType;

    /** A serialised SAAJ message and its Content-Type. */
    public record Serialised(String contentType, byte[] body) {
    }

    @Setup
    public void setUp() throws Exception {
        factory = MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL);
        Serialised s = buildAndSerialise();
        serialised = s.body();
        contentType = s.contentType();
    }

    @Benchmark
    public Serialised build() throws Exception {
        return buildAndSerialise();
    }

    @Benchmark
    public void parse(Blackhole bh) throws Exception {
        parse(contentType, serialised, bh);
    }

    @Benchmark
    public void buildAndParse(Blackhole bh) throws Exception {
        Serialised s = buildAndSerialise();
        parse(s.contentType(), s.body(), bh);
    }

    private Serialised buildAndSerialise() throws SOAPException, IOException {
        SOAPMessage message = factory.createMessage();
        SOAPEnvelope env = message.getSOAPPart().getEnvelope();
        env.addNamespaceDeclaration("eb", EB);
        env.addNamespaceDeclaration("xlink", XLINK);
        Name version = env.createName("version", "eb", EB);
        Name type = env.createName("type", "eb", EB);
        SOAPHeader header = env.getHeader();

        SOAPHeaderElement mh = header.addHeaderElement(env.createName("MessageHeader", "eb", EB));
        mh.setMustUnderstand(true);
        mh.addAttribute(version, "2.0");
        party(mh.addChildElement("From", "eb"), type, "urn:oasis:names:tc:ebcore:partyid-type:iso6523:0088",
                "5790000000001", "urn:ebrelay:role:orderer");
        party(mh.addChildElement("To", "eb"), type, "urn:ebrelay:party-type:oid", "2.16.840.1.113883.3.42",
                "urn:ebrelay:role:laboratory");
        mh.addChildElement("CPAId", "eb").addTextNode(EncoderFixtures.CPA.value());
        mh.addChildElement("ConversationId", "eb").addTextNode(EncoderFixtures.CONVERSATION.value());
        mh.addChildElement("Service", "eb").addAttribute(type, "urn:ebrelay:service-type").addTextNode("LabOrders");
        mh.addChildElement("Action", "eb").addTextNode("ORU_R01");
        SOAPElement data = mh.addChildElement("MessageData", "eb");
        data.addChildElement("MessageId", "eb").addTextNode("b1e5d7c2-0001@ebms.riverside-hospital.example.org");
        data.addChildElement("Timestamp", "eb").addTextNode(EncoderFixtures.NOW.toString());
        mh.addChildElement("DuplicateElimination", "eb");

        SOAPHeaderElement ack = header.addHeaderElement(env.createName("AckRequested", "eb", EB));
        ack.setMustUnderstand(true);
        ack.setActor("urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH");
        ack.addAttribute(version, "2.0");
        ack.addAttribute(env.createName("signed", "eb", EB), "false");

        SOAPBody body = env.getBody();
        SOAPElement manifest = body.addChildElement("Manifest", "eb");
        manifest.addAttribute(version, "2.0");
        String contentId = "hl7-payload-0001@riverside-hospital.example.org";
        SOAPElement ref = manifest.addChildElement("Reference", "eb");
        ref.addAttribute(env.createName("href", "xlink", XLINK), "cid:" + contentId);
        ref.addAttribute(env.createName("type", "xlink", XLINK), "simple");

        AttachmentPart part = message.createAttachmentPart();
        part.setRawContentBytes(hl7, 0, hl7.length, "application/hl7-v2");
        part.setContentId("<" + contentId + ">");
        message.addAttachmentPart(part);
        message.getSOAPPart().setContentId("<soappart@ebrelay>");
        message.getMimeHeaders().setHeader("SOAPAction", "\"ebXML\"");
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        message.writeTo(out);
        return new Serialised(message.getMimeHeaders().getHeader("Content-Type")[0], out.toByteArray());
    }

    private static void party(SOAPElement party, Name type, String idType, String id, String role)
            throws SOAPException {
        party.addChildElement("PartyId", "eb").addAttribute(type, idType).addTextNode(id);
        party.addChildElement("Role", "eb").addTextNode(role);
    }

    private void parse(String type, byte[] bytes, Blackhole bh) throws SOAPException, IOException {
        MimeHeaders headers = new MimeHeaders();
        headers.addHeader("Content-Type", type);
        SOAPMessage message = factory.createMessage(headers, new ByteArrayInputStream(bytes));
        Iterator<SOAPHeaderElement> elements = message.getSOAPHeader().examineAllHeaderElements();
        while (elements.hasNext()) {
            SOAPHeaderElement e = elements.next();
            bh.consume(e.getMustUnderstand());
            bh.consume(e.getActor());
            readDescendants(e, bh);
        }
        readDescendants(message.getSOAPBody(), bh);
        Iterator<AttachmentPart> parts = message.getAttachments();
        while (parts.hasNext()) {
            AttachmentPart part = parts.next();
            bh.consume(part.getContentId());
            bh.consume(part.getRawContentBytes());
        }
    }

    /** Reads every attribute and text value below {@code element}, as a decoder would. */
    private static void readDescendants(Node element, Blackhole bh) {
        if (element.getAttributes() != null) {
            for (int i = 0; i < element.getAttributes().getLength(); i++) {
                bh.consume(element.getAttributes().item(i).getNodeValue());
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE) {
                bh.consume(child.getNodeValue());
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                readDescendants(child, bh);
            }
        }
    }
}
