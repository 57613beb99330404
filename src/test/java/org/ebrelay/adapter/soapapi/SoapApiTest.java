package org.ebrelay.adapter.soapapi;

import org.ebrelay.adapter.rest.ApiTestNode;
import org.ebrelay.adapter.rest.FakeNodePorts;
import org.ebrelay.adapter.rest.HttpProbe;
import org.ebrelay.adapter.xml.SecureXml;
import org.ebrelay.app.port.in.Submission;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The SOAP submission API over real HTTP, checked against the WSDL in wsdl/. */
class SoapApiTest {
    private static final String NS = "urn:ebrelay:submission:1";
    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    private static ApiTestNode node;
    private static HttpProbe http;
    private static Schema wsdlSchema;

    @BeforeAll
    static void start() throws Exception {
        node = ApiTestNode.start();
        http = new HttpProbe(node.base());
        wsdlSchema = schemaOf(Files.readAllBytes(Path.of("wsdl/ebrelay-submission.wsdl")));
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    @BeforeEach
    void forgetEarlierSubmissions() {
        node.ports.submissions.clear();
    }

    @Test
    void questionMarkWsdlServesOurContractWithTheNodesAddress() throws Exception {
        HttpProbe.Answer answer = http.get("/soap?wsdl");

        assertThat(answer.status()).isEqualTo(200);
        Document wsdl = parse(answer.body());
        Element root = wsdl.getDocumentElement();
        assertThat(root.getAttribute("targetNamespace")).isEqualTo(NS);
        assertThat(names(wsdl, "http://schemas.xmlsoap.org/wsdl/", "operation"))
                .contains("SubmitMessage", "GetMessageStatus");
        assertThat(names(wsdl, XMLConstants.W3C_XML_SCHEMA_NS_URI, "simpleType")).contains("PartyIdText");
        Element address = (Element) wsdl.getElementsByTagNameNS("http://schemas.xmlsoap.org/wsdl/soap/", "address").item(0);
        assertThat(address.getAttribute("location")).isEqualTo(node.base() + "/soap");
    }

    @Test
    void submitMessageIsAcceptedAndAnsweredAsTheWsdlSays() throws Exception {
        HttpProbe.Answer answer = soap("SubmitMessage", """
                <ebr:SubmitMessageRequest xmlns:ebr="urn:ebrelay:submission:1">
                  <ebr:cpaId>cpa-hl7</ebr:cpaId>
                  <ebr:service type="HL7">lab-orders</ebr:service>
                  <ebr:action>ORM_O01</ebr:action>
                  <ebr:from>urn:oid:1.2.3:HOSPITAL</ebr:from>
                  <ebr:to>:urn:oid:1.2.3.4</ebr:to>
                  <ebr:payload>
                    <ebr:contentType>application/hl7-v2</ebr:contentType>
                    <ebr:content>TVNIfF5+XCZ8
                      SElT</ebr:content>
                  </ebr:payload>
                  <ebr:hl7MessageId>MSG-7</ebr:hl7MessageId>
                  <ebr:conversationId>conv-7</ebr:conversationId>
                </ebr:SubmitMessageRequest>""");

        assertThat(answer.status()).isEqualTo(200);
        Element response = bodyElement(answer.body());
        assertThat(response.getLocalName()).isEqualTo("SubmitMessageResponse");
        assertThat(response.getNamespaceURI()).isEqualTo(NS);
        assertThat(text(response, "messageId")).isEqualTo("msg-1@ebrelay.test");
        assertThat(text(response, "hl7MessageId")).isEqualTo("MSG-7");
        assertThat(text(response, "state")).isEqualTo("QUEUED");
        wsdlSchema.newValidator().validate(new DOMSource(response));

        Submission s = node.ports.submissions.get(0);
        assertThat(s.cpaId().value()).isEqualTo("cpa-hl7");
        assertThat(s.service()).isEqualTo(Service.of("HL7", "lab-orders"));
        assertThat(s.action()).isEqualTo("ORM_O01");
        assertThat(s.from()).isEqualTo(PartyId.of("urn:oid:1.2.3", "HOSPITAL"));
        assertThat(s.to()).isEqualTo(PartyId.untyped("urn:oid:1.2.3.4"));
        assertThat(s.payloads().get(0).contentType()).isEqualTo("application/hl7-v2");
        assertThat(new String(s.payloads().get(0).content(), StandardCharsets.US_ASCII)).isEqualTo("MSH|^~\\&|HIS");
        assertThat(s.hl7MessageId()).isEqualTo("MSG-7");
        assertThat(s.conversationId().value()).isEqualTo("conv-7");
    }

    @Test
    void aRefusalIsASoapClientFaultWithTheTypedDetail() throws Exception {
        HttpProbe.Answer answer = soap("SubmitMessage", """
                <SubmitMessageRequest xmlns="urn:ebrelay:submission:1">
                  <cpaId>%s</cpaId><action>ORM_O01</action><to>urn:oid:1.2.3:LAB</to>
                  <payload><contentType>application/hl7-v2</contentType><content>TVNIfA==</content></payload>
                </SubmitMessageRequest>""".formatted(FakeNodePorts.REFUSING_CPA));

        assertThat(answer.status()).isEqualTo(500);
        Element fault = bodyElement(answer.body());
        assertThat(fault.getLocalName()).isEqualTo("Fault");
        assertThat(childText(fault, "faultcode")).endsWith(":Client");
        assertThat(childText(fault, "faultstring")).contains(FakeNodePorts.REFUSING_CPA);
        Element apiFault = (Element) fault.getElementsByTagNameNS(NS, "ApiFault").item(0);
        assertThat(text(apiFault, "error")).isEqualTo("UnknownCpa");
        assertThat(text(apiFault, "detail")).contains(FakeNodePorts.REFUSING_CPA);
        wsdlSchema.newValidator().validate(new DOMSource(apiFault));
    }

    @Test
    void aRequestTheWsdlDoesNotAllowIsAMalformedRequestFault() throws Exception {
        assertMalformed("""
                <SubmitMessageRequest xmlns="urn:ebrelay:submission:1">
                  <cpaId>c</cpaId><action>A</action>
                  <payload><contentType>t/p</contentType><content>YQ==</content></payload>
                </SubmitMessageRequest>""", "element to is required");
        assertMalformed("""
                <SubmitMessageRequest xmlns="urn:ebrelay:submission:1">
                  <cpaId>c</cpaId><action>A</action><to>LAB</to>
                  <payload><contentType>t/p</contentType><content>YQ==</content></payload>
                </SubmitMessageRequest>""", "to: PartyId 'LAB' has no type");
        assertMalformed("""
                <SubmitMessageRequest xmlns="urn:ebrelay:submission:1">
                  <cpaId>c</cpaId><action>A</action><to>urn:x:B</to>
                  <payload><contentType>t/p</contentType><content>*not base64*</content></payload>
                </SubmitMessageRequest>""", "not base64");
        assertMalformed("""
                <SubmitMessageRequest xmlns="urn:ebrelay:submission:1">
                  <cpaId>c</cpaId><cpaId>d</cpaId><action>A</action><to>urn:x:B</to>
                  <payload><contentType>t/p</contentType><content>YQ==</content></payload>
                </SubmitMessageRequest>""", "cpaId appears twice");
        assertMalformed("""
                <SubmitMessageRequest xmlns="urn:ebrelay:submission:1">
                  <cpaId>c</cpaId><action>A</action><to>urn:x:B</to><priority>high</priority>
                  <payload><contentType>t/p</contentType><content>YQ==</content></payload>
                </SubmitMessageRequest>""", "unexpected element priority");
        assertMalformed("""
                <Submit xmlns="urn:ebrelay:other"/>""", "namespace");
        assertThat(node.ports.submissions).isEmpty();
    }

    @Test
    void aDoctypeInTheRequestIsRefusedBeforeAnythingIsSubmitted() throws Exception {
        String envelope = """
                <?xml version="1.0"?>
                <!DOCTYPE e [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
                <SubmitMessageRequest xmlns="urn:ebrelay:submission:1"><cpaId>&x;</cpaId></SubmitMessageRequest>
                </soap:Body></soap:Envelope>""";
        HttpProbe.Answer answer = http.send(HttpRequest.newBuilder(node.uri("/soap"))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(bodyElement(answer.body()).getLocalName()).isEqualTo("Fault");
        assertThat(answer.body()).doesNotContain("root:");
        assertThat(node.ports.submissions).isEmpty();
    }

    @Test
    void getMessageStatusListsEveryMessageOfAnHl7IdWithItsEvents() throws Exception {
        node.ports.messagesById.put("HL7-TWICE", List.of(
                FakeNodePorts.outbound("m2@hospital", "HL7-TWICE", "MANUAL"),
                FakeNodePorts.outbound("m3@hospital", "HL7-TWICE", "COMPLETE")));

        HttpProbe.Answer answer = soap("GetMessageStatus", """
                <GetMessageStatusRequest xmlns="urn:ebrelay:submission:1"><id>HL7-TWICE</id></GetMessageStatusRequest>""");

        assertThat(answer.status()).isEqualTo(200);
        Element response = bodyElement(answer.body());
        wsdlSchema.newValidator().validate(new DOMSource(response));
        NodeList messages = response.getElementsByTagNameNS(NS, "message");
        assertThat(messages.getLength()).isEqualTo(2);
        Element first = (Element) messages.item(0);
        assertThat(childText(first, "messageId")).isEqualTo("m2@hospital");
        Element ids = (Element) first.getElementsByTagNameNS(NS, "messageIds").item(0);
        assertThat(ids.getElementsByTagNameNS(NS, "messageId").item(0).getTextContent()).isEqualTo("first-m2@hospital");
        assertThat(childText(first, "state")).isEqualTo("MANUAL");
        assertThat(childText(first, "direction")).isEqualTo("OUTBOUND");
        assertThat(childText(first, "attempts")).isEqualTo("3");
        assertThat(childText(first, "createdAt")).isEqualTo("2026-11-20T10:15:30Z");
        Element retry = (Element) first.getElementsByTagNameNS(NS, "event").item(1);
        assertThat(text(retry, "type")).isEqualTo("RETRY");
        assertThat(text(retry, "detail")).isEqualTo("connection refused");
        assertThat(childText((Element) messages.item(1), "state")).isEqualTo("COMPLETE");
    }

    @Test
    void getMessageStatusOfAnUnknownIdIsANotFoundFault() throws Exception {
        HttpProbe.Answer answer = soap("GetMessageStatus", """
                <GetMessageStatusRequest xmlns="urn:ebrelay:submission:1"><id>nobody@nowhere</id></GetMessageStatusRequest>""");

        assertThat(answer.status()).isEqualTo(500);
        Element apiFault = (Element) bodyElement(answer.body()).getElementsByTagNameNS(NS, "ApiFault").item(0);
        assertThat(text(apiFault, "error")).isEqualTo("NotFound");
    }

    @Test
    void theBearerTokenReachesTheAccessCheckWhichMayRefuseWithAnUnauthorizedFault() throws Exception {
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ApiTestNode guarded = ApiTestNode.start((token, operation) -> asked.add(token + " " + operation)
                && !"revoked".equals(token), org.ebrelay.adapter.rest.RestApi.DEFAULT_MAX_BODY_BYTES)) {
            String envelope = "<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Body><GetMessageStatusRequest"
                    + " xmlns=\"urn:ebrelay:submission:1\"><id>x</id></GetMessageStatusRequest></soap:Body></soap:Envelope>";
            HttpProbe.Answer answer = new HttpProbe(guarded.base()).send(HttpRequest.newBuilder(guarded.uri("/soap"))
                    .header("Content-Type", "text/xml; charset=UTF-8").header("Authorization", "Bearer revoked")
                    .POST(HttpRequest.BodyPublishers.ofString(envelope)));

            assertThat(asked).containsExactly("revoked soap:GetMessageStatus");
            Element apiFault = (Element) bodyElement(answer.body()).getElementsByTagNameNS(NS, "ApiFault").item(0);
            assertThat(text(apiFault, "error")).isEqualTo("Unauthorized");
        }
    }

    private static void assertMalformed(String body, String detail) throws Exception {
        HttpProbe.Answer answer = soap("SubmitMessage", body);
        assertThat(answer.status()).as(body).isEqualTo(500);
        Element fault = bodyElement(answer.body());
        assertThat(childText(fault, "faultcode")).endsWith(":Client");
        Element apiFault = (Element) fault.getElementsByTagNameNS(NS, "ApiFault").item(0);
        assertThat(text(apiFault, "error")).isEqualTo("MalformedRequest");
        assertThat(text(apiFault, "detail")).contains(detail);
    }

    private static HttpProbe.Answer soap(String operation, String body) {
        String envelope = "<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Body>" + body + "</soap:Body></soap:Envelope>";
        return http.send(HttpRequest.newBuilder(node.uri("/soap"))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"urn:ebrelay:submission:1:" + operation + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)));
    }

    static Document parse(String xml) throws Exception {
        return SecureXml.domFactory().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element bodyElement(String envelope) throws Exception {
        Element body = (Element) parse(envelope).getElementsByTagNameNS(SOAP, "Body").item(0);
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError("empty SOAP Body: " + envelope);
    }

    private static String text(Element parent, String localName) {
        Node node = parent.getElementsByTagNameNS(NS, localName).item(0);
        return node == null ? null : node.getTextContent();
    }

    /** Text of a direct child (fault children are unqualified, ours are in NS). */
    private static String childText(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e.getTextContent();
            }
        }
        return null;
    }

    private static List<String> names(Document doc, String ns, String localName) {
        NodeList list = doc.getElementsByTagNameNS(ns, localName);
        return java.util.stream.IntStream.range(0, list.getLength())
                .mapToObj(i -> ((Element) list.item(i)).getAttribute("name")).toList();
    }

    /** The schema inside the WSDL's types, with the WSDL's namespace declarations it relies on. */
    static Schema schemaOf(byte[] wsdl) throws Exception {
        Document doc = SecureXml.domFactory().newDocumentBuilder().parse(new ByteArrayInputStream(wsdl));
        Element schema = (Element) doc.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "schema").item(0);
        schema.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:tns", NS);
        schema.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xs", XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new DOMSource(schema));
    }
}
