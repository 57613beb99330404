package org.ebrelay.adapter.xmldsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xml.security.utils.JDKXPathFactory;
import org.apache.xml.security.utils.XPathAPI;
import org.ebrelay.adapter.soap.EbmsEncoder;
import org.ebrelay.adapter.soap.EncoderFixtures;
import org.ebrelay.adapter.soap.EnvelopePart;
import org.ebrelay.adapter.soap.WireInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The native filter gives, for every node (elements, attributes, namespace declarations, text, comments, processing
 * instructions), the same answer as the JDK XPath engine Santuario uses for the standard expression.
 */
class EbmsXPathFilterTest {
    private static final String SOAP = EbmsXPathFilter.SOAP_NS;
    private static final Path SAMPLES = Path.of("/work/shared/spec/samples");

    @ParameterizedTest
    @ValueSource(strings = {"01-nhs-spine-hl7v3-request-with-payload.mime", "02-hermes-http-post-message-with-payload.http",
            "03-nhs-spine-acknowledgment.xml", "04-nav-signed-acknowledgment-with-ds-reference.xml",
            "05-nhs-spine-message-error.xml", "06-nhs-spine-soap-fault.xml", "09-nav-signed-message-ackrequested-signed.xml"})
    void agrees_with_the_xpath_engine_on_every_node_of_the_samples(String sample) throws Exception {
        Path file = SAMPLES.resolve(sample);
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(file), "samples not present");
        byte[] envelope = EnvelopePart.of(WireInputs.read(file)).orElseThrow();

        assertAgreesOnEveryNode(parse(envelope));
    }

    @Test
    void agrees_on_messages_built_to_tell_them_apart() throws Exception {
        String doc = "<?xml version=\"1.0\"?><!-- c --><S:Envelope xmlns:S=\"" + SOAP + "\" xmlns:x=\"urn:x\""
                + " xmlns:S12=\"http://www.w3.org/2003/05/soap-envelope\"><S:Header>"
                + "<a S:actor=\"urn:oasis:names:tc:ebxml-msg:actor:nextMSH\" b=\"1\"><b><c x:actor=\"q\">t<?pi d?></c></b></a>"
                + "<a S:actor=\"http://schemas.xmlsoap.org/soap/actor/next\"><!-- inside --><d/></a>"
                + "<a S:actor=\"urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH\"><e S:actor=\"http://schemas.xmlsoap.org/soap/actor/next\"/></a>"
                + "<a actor=\"urn:oasis:names:tc:ebxml-msg:actor:nextMSH\">no namespace</a>"
                + "<a x:actor=\"urn:oasis:names:tc:ebxml-msg:actor:nextMSH\">other namespace</a>"
                + "<a S12:actor=\"http://schemas.xmlsoap.org/soap/actor/next\">SOAP 1.2</a>"
                + "<a S:actor=\" urn:oasis:names:tc:ebxml-msg:actor:nextMSH\">leading space</a>"
                + "<a S:actor=\"URN:oasis:names:tc:ebxml-msg:actor:nextMSH\">case</a>"
                + "<a xmlns:T=\"" + SOAP + "\" T:actor=\"urn:oasis:names:tc:ebxml-msg:actor:nextMSH\">other prefix</a>"
                + "</S:Header><S:Body S:actor=\"http://schemas.xmlsoap.org/soap/actor/next\"><f>deep<g h=\"i\"/></f></S:Body>"
                + "</S:Envelope><!-- after -->";

        int excluded = assertAgreesOnEveryNode(parse(doc.getBytes(StandardCharsets.UTF_8)));

        assertThat(excluded).as("nodes the filter leaves out").isGreaterThan(15);
    }

    @Test
    void agrees_on_a_message_ebrelay_encodes() throws Exception {
        byte[] envelope = new EbmsEncoder().envelope(EncoderFixtures.userMessageWithTwoPayloads());

        int excluded = assertAgreesOnEveryNode(parse(envelope));

        assertThat(excluded).as("the SyncReply with the SOAP next actor, and what is in it").isGreaterThan(0);
    }

    @Test
    void recognises_the_filter_as_written_by_peers_and_nothing_else() throws Exception {
        Element scope = parse(("<ds:XPath xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" xmlns:SOAP-ENV=\"" + SOAP
                + "\" xmlns:SOAP=\"" + SOAP + "\" xmlns:W=\"urn:wrong\"/>").getBytes(StandardCharsets.UTF_8))
                .getDocumentElement();
        String next = "http://schemas.xmlsoap.org/soap/actor/next";
        String msh = "urn:oasis:names:tc:ebxml-msg:actor:nextMSH";

        assertThat(EbmsXPathFilter.recognises(EnvelopeSigner.ACTOR_FILTER, scope)).isTrue();
        assertThat(EbmsXPathFilter.recognises("\n  not(ancestor-or-self::node()[@SOAP-ENV:actor='" + msh + "']\n |\n"
                + " ancestor-or-self::node()[@SOAP-ENV:actor=\"" + next + "\"])\n", scope)).isTrue();
        assertThat(EbmsXPathFilter.recognises(filter("SOAP", next, "SOAP", msh), scope)).isTrue();
        assertThat(EbmsXPathFilter.recognises(filter("W", msh, "SOAP", next), scope)).as("wrong namespace").isFalse();
        assertThat(EbmsXPathFilter.recognises(filter("U", msh, "SOAP", next), scope)).as("unbound prefix").isFalse();
        assertThat(EbmsXPathFilter.recognises(filter("SOAP", msh, "SOAP", msh), scope)).isFalse();
        assertThat(EbmsXPathFilter.recognises(filter("SOAP", msh + " ", "SOAP", next), scope)).isFalse();
        assertThat(EbmsXPathFilter.recognises(filter("SOAP", msh, "SOAP", next).replace("ancestor-or-self",
                "ancestor-or- self"), scope)).as("space inside a token").isFalse();
        assertThat(EbmsXPathFilter.recognises(filter("SOAP", msh, "SOAP", next).replace("not(", "boolean("),
                scope)).isFalse();
    }

    @Test
    void an_unbound_prefix_fails_in_the_engine_as_it_is_left_to_it() throws Exception {
        Document document = parse(("<ds:XPath xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"/>")
                .getBytes(StandardCharsets.UTF_8));
        XPathAPI engine = new JDKXPathFactory().newXPathAPI();
        Element scope = document.getDocumentElement();
        String expression = filter("SOAP-ENV", "urn:oasis:names:tc:ebxml-msg:actor:nextMSH", "SOAP-ENV",
                "http://schemas.xmlsoap.org/soap/actor/next");

        assertThat(EbmsXPathFilter.recognises(expression, scope)).isFalse();
        assertThatThrownBy(() -> engine.evaluate(scope, scope, expression, scope)).isNotNull();
    }

    private static String filter(String p1, String a1, String p2, String a2) {
        return "not(ancestor-or-self::node()[@" + p1 + ":actor=\"" + a1 + "\"] | ancestor-or-self::node()[@" + p2
                + ":actor=\"" + a2 + "\"])";
    }

    /** Every node, each evaluated as Santuario's XPath transform does: context node, the ds:XPath for prefixes. */
    private static int assertAgreesOnEveryNode(Document document) throws Exception {
        Element xpath = document.createElementNS(Dom.DSIG_NS, "ds:XPath");
        xpath.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:SOAP", SOAP);
        assertThat(EbmsXPathFilter.recognises(EnvelopeSigner.ACTOR_FILTER, xpath)).isTrue();
        XPathAPI engine = new JDKXPathFactory().newXPathAPI();
        List<Node> nodes = new ArrayList<>();
        collect(document, nodes);
        int excluded = 0;
        for (Node node : nodes) {
            boolean expected = engine.evaluate(node, xpath, EnvelopeSigner.ACTOR_FILTER, xpath);
            assertThat(EbmsXPathFilter.keeps(node)).as("%s %s", node.getNodeName(), node.getNodeValue())
                    .isEqualTo(expected);
            excluded += expected ? 0 : 1;
        }
        assertThat(nodes).hasSizeGreaterThan(10);
        return excluded;
    }

    private static void collect(Node node, List<Node> into) {
        into.add(node);
        NamedNodeMap attributes = node.getAttributes();
        for (int i = 0; attributes != null && i < attributes.getLength(); i++) {
            into.add(attributes.item(i));
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            collect(child, into);
        }
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        return dbf.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
