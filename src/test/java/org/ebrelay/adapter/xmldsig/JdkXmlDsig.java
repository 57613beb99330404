package org.ebrelay.adapter.xmldsig;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.Key;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import javax.xml.crypto.Data;
import javax.xml.crypto.OctetStreamData;
import javax.xml.crypto.URIDereferencer;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.crypto.dsig.spec.XPathFilterParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An ebMS signer and verifier written for the tests only, independently of ebrelay's: the JDK's own XML Signature
 * API (JSR 105, the Santuario code the JDK ships, with its generic XPath engine), a DOM from the JDK parser and a
 * cid: dereferencer of its own.
 */
public final class JdkXmlDsig {
    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String FILTER = "not(ancestor-or-self::node()[@SOAP:actor=\"urn:oasis:names:tc:ebxml-msg:actor:nextMSH\"]"
            + " | ancestor-or-self::node()[@SOAP:actor=\"http://schemas.xmlsoap.org/soap/actor/next\"])";

    private JdkXmlDsig() {
    }

    public static boolean verifies(byte[] envelope, Map<String, byte[]> payloadsByCid, Key key) throws Exception {
        Document document = parse(envelope);
        NodeList signatures = document.getElementsByTagNameNS(DS, "Signature");
        DOMValidateContext context = new DOMValidateContext(key, signatures.item(0));
        context.setURIDereferencer(cids(payloadsByCid));
        XMLSignature signature = factory().unmarshalXMLSignature(context);
        return signature.validate(context);
    }

    public static byte[] sign(byte[] envelope, Map<String, byte[]> payloadsByCid, PrivateKey key, X509Certificate certificate)
            throws Exception {
        XMLSignatureFactory f = factory();
        Document document = parse(envelope);
        Element header = (Element) document.getElementsByTagNameNS(SOAP, "Header").item(0);
        DigestMethod sha256 = f.newDigestMethod(DigestMethod.SHA256, null);
        List<Transform> chain = List.of(
                f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                f.newTransform(Transform.XPATH, new XPathFilterParameterSpec(FILTER, Map.of("SOAP", SOAP))),
                f.newTransform(CanonicalizationMethod.INCLUSIVE, (TransformParameterSpec) null));
        List<Reference> references = new java.util.ArrayList<>();
        references.add(f.newReference("", sha256, chain, null, null));
        for (String cid : payloadsByCid.keySet()) {
            references.add(f.newReference("cid:" + cid, sha256));
        }
        SignedInfo signedInfo = f.newSignedInfo(
                f.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE, (C14NMethodParameterSpec) null),
                f.newSignatureMethod(SignatureMethod.RSA_SHA256, null), references);
        KeyInfoFactory keys = f.getKeyInfoFactory();
        DOMSignContext context = new DOMSignContext(key, header);
        context.setDefaultNamespacePrefix("ds");
        context.setURIDereferencer(cids(payloadsByCid));
        f.newXMLSignature(signedInfo, keys.newKeyInfo(List.of(keys.newX509Data(List.of(certificate)))))
                .sign(context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }

    private static XMLSignatureFactory factory() throws Exception {
        return XMLSignatureFactory.getInstance("DOM", "XMLDSig");
    }

    private static URIDereferencer cids(Map<String, byte[]> payloadsByCid) {
        URIDereferencer standard = factory0().getURIDereferencer();
        return (reference, context) -> {
            String uri = reference.getURI();
            if (uri != null && uri.startsWith("cid:")) {
                byte[] content = payloadsByCid.get(uri.substring(4));
                if (content == null) {
                    throw new javax.xml.crypto.URIReferenceException("no part " + uri);
                }
                return (Data) new OctetStreamData(new ByteArrayInputStream(content), uri, null);
            }
            return standard.dereference(reference, context);
        };
    }

    private static XMLSignatureFactory factory0() {
        try {
            return factory();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return dbf.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

}
