package org.ebrelay.adapter.xmldsig;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.utils.XMLUtils;
import org.ebrelay.adapter.xml.SecureXml;
import org.ebrelay.domain.message.SignatureReference;

/**
 * A ds:Signature read from a stream, recognised only when it has exactly the shape this gateway's signers write
 * ({@link CanonicalSignedInfo}): prefix {@code ds}, no attributes but the ones written, no text between the
 * SignedInfo's elements, a known RSA signature method and one known digest method, the envelope reference with
 * exactly the profile's three transforms and filter, payload references without transforms, one X.509 certificate.
 * Anything else is not recognised, and the DOM verifier takes the message as before.
 *
 * <p>Recognising is not trusting: the streaming verifier rebuilds the canonical SignedInfo from what is read here
 * and checks the signature value over that. Whatever a sender changes in the shape, the worst outcome is a rebuilt
 * SignedInfo that no key signed, which fails and goes to the DOM verifier.
 */
final class ReceivedSignature {
    private static final XMLInputFactory STAX = SecureXml.staxFactory();
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
    /** Santuario's secure validation allows 30 references; more than that is not ours. */
    private static final int MAX_REFERENCES = 30;

    final String signatureMethod;
    final String digestMethod;
    /** The references in order. */
    final List<Ref> references;
    final byte[] signatureValue;
    final byte[] certificate;

    /** A ds:Reference: its URI, its DigestValue as written and decoded. */
    record Ref(String uri, String digestText, byte[] digest) {
    }

    private ReceivedSignature(String signatureMethod, String digestMethod, List<Ref> references,
                              byte[] signatureValue, byte[] certificate) {
        this.signatureMethod = signatureMethod;
        this.digestMethod = digestMethod;
        this.references = references;
        this.signatureValue = signatureValue;
        this.certificate = certificate;
    }

    /** The SignedInfo as the signer canonicalised it, if this is what a signer of this shape signed. */
    CanonicalSignedInfo signedInfo() {
        CanonicalSignedInfo signedInfo = new CanonicalSignedInfo(signatureMethod, digestMethod);
        references.forEach(r -> signedInfo.reference(r.uri(), r.digestText()));
        return signedInfo;
    }

    /** The references as a signed Acknowledgment copies them (ACK-7), as the DOM verifier reports them. */
    List<SignatureReference> asCopied() {
        List<SignatureReference> copied = new ArrayList<>(references.size());
        for (Ref r : references) {
            boolean envelope = r.uri().isEmpty();
            copied.add(new SignatureReference(r.uri(), envelope ? CanonicalSignedInfo.ENVELOPE_TRANSFORMS
                    : List.of(), envelope ? EnvelopeSigner.ACTOR_FILTER : null, digestMethod,
                    XMLUtils.encodeToString(r.digest())));
        }
        return copied;
    }

    /**
     * The first ds:Signature among the SOAP Header's children, read without the rest of the envelope; empty when
     * there is none, it has another shape, or the envelope is not XML this reader takes.
     */
    static Optional<ReceivedSignature> inHeader(byte[] envelope) {
        try {
            XMLStreamReader reader = STAX.createXMLStreamReader(new ByteArrayInputStream(envelope));
            try {
                int depth = 0;
                boolean inHeader = false;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        String namespace = reader.getNamespaceURI();
                        String local = reader.getLocalName();
                        if (depth == 1 && !(EbmsXPathFilter.SOAP_NS.equals(namespace) && "Envelope".equals(local))) {
                            return Optional.empty();
                        }
                        if (depth == 2) {
                            inHeader = EbmsXPathFilter.SOAP_NS.equals(namespace) && "Header".equals(local);
                        }
                        if (depth == 3 && inHeader && Dom.DSIG_NS.equals(namespace) && "Signature".equals(local)) {
                            return read(reader, reader.getNamespaceContext().getNamespaceURI(
                                    CanonicalSignedInfo.XPATH_SOAP_PREFIX));
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        if (depth-- == 2 && inHeader) {
                            return Optional.empty(); // the first Header has no signature among its children
                        }
                    }
                }
                return Optional.empty();
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads the Signature the reader is at, through its end tag.
     *
     * @param soapInScope what the prefix {@code SOAP} is bound to at the Signature's parent, or null
     */
    static Optional<ReceivedSignature> read(XMLStreamReader reader, String soapInScope) throws XMLStreamException {
        try {
            return Optional.of(new Reading(reader, soapInScope).signature());
        } catch (NotOurShape e) {
            return Optional.empty();
        }
    }

    /** The signature has a shape the streaming verifier does not rebuild. */
    private static final class NotOurShape extends Exception {
        NotOurShape() {
            super(null, null, false, false);
        }
    }

    private static final class Reading {
        private final XMLStreamReader reader;
        private final String soapInScope;

        Reading(XMLStreamReader reader, String soapInScope) {
            this.reader = reader;
            this.soapInScope = soapInScope;
        }

        ReceivedSignature signature() throws XMLStreamException, NotOurShape {
            for (int i = 0; i < reader.getNamespaceCount(); i++) {
                if (!"ds".equals(reader.getNamespacePrefix(i)) || !Dom.DSIG_NS.equals(reader.getNamespaceURI(i))) {
                    throw new NotOurShape(); // the canonical SignedInfo would inherit it
                }
            }
            element("Signature", 0, true);
            next(true, "SignedInfo", 0);
            algorithmOnly("CanonicalizationMethod", Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS);
            String signatureMethod = algorithmOnly("SignatureMethod", null);
            if (!CanonicalSignedInfo.SIGNATURES.containsKey(signatureMethod)) {
                throw new NotOurShape();
            }
            String digestMethod = null;
            List<Ref> references = new ArrayList<>(4);
            while (nextTag(false)) {
                if (references.size() == MAX_REFERENCES) {
                    throw new NotOurShape();
                }
                element("Reference", 1, false);
                String uri = attribute("URI");
                if (uri.isEmpty()) {
                    envelopeTransforms();
                }
                String method = algorithmOnly("DigestMethod", null);
                if (!CanonicalSignedInfo.DIGESTS.containsKey(method) || digestMethod != null
                        && !digestMethod.equals(method)) {
                    throw new NotOurShape();
                }
                digestMethod = method;
                next(false, "DigestValue", 0);
                String digestValue = text(false);
                if (!BASE64.matcher(digestValue).matches()) {
                    throw new NotOurShape(); // written as is into the rebuilt SignedInfo: nothing to escape
                }
                end(false);
                references.add(new Ref(uri, digestValue, base64(digestValue)));
            }
            if (references.isEmpty()) {
                throw new NotOurShape();
            }
            next(true, "SignatureValue", 0);
            byte[] signatureValue = base64(text(true));
            next(true, "KeyInfo", 0);
            next(true, "X509Data", 0);
            next(true, "X509Certificate", 0);
            byte[] certificate = base64(text(true));
            end(true);
            end(true);
            end(true);
            return new ReceivedSignature(signatureMethod, digestMethod, List.copyOf(references), signatureValue,
                    certificate);
        }

        private void envelopeTransforms() throws XMLStreamException, NotOurShape {
            next(false, "Transforms", 0);
            algorithmOnly("Transform", Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            next(false, "Transform", 1);
            if (!Transforms.TRANSFORM_XPATH.equals(attribute("Algorithm"))) {
                throw new NotOurShape();
            }
            next(false, "XPath", 0);
            String soap = soapInScope;
            for (int i = 0; i < reader.getNamespaceCount(); i++) {
                if (!CanonicalSignedInfo.XPATH_SOAP_PREFIX.equals(reader.getNamespacePrefix(i))) {
                    throw new NotOurShape();
                }
                soap = reader.getNamespaceURI(i);
            }
            // the filter must mean what the streaming canonicaliser leaves out: SOAP bound to SOAP 1.1 there
            if (!EbmsXPathFilter.SOAP_NS.equals(soap) || !EnvelopeSigner.ACTOR_FILTER.equals(text(false))) {
                throw new NotOurShape();
            }
            end(false);
            algorithmOnly("Transform", Transforms.TRANSFORM_C14N_OMIT_COMMENTS);
            end(false);
        }

        /** The next element, empty but for its Algorithm attribute; its Algorithm, which must be {@code expected}. */
        private String algorithmOnly(String name, String expected) throws XMLStreamException, NotOurShape {
            next(false, name, 1);
            String algorithm = attribute("Algorithm");
            if (expected != null && !expected.equals(algorithm) || nextTag(false)) {
                throw new NotOurShape();
            }
            return algorithm;
        }

        /** Moves to the next start tag, which must be {@code name}. */
        private void next(boolean whitespaceAround, String name, int attributes) throws XMLStreamException,
                NotOurShape {
            if (!nextTag(whitespaceAround)) {
                throw new NotOurShape();
            }
            element(name, attributes, false);
        }

        /** The start tag the reader is at must be ds:{@code name} with this many attributes and no declarations. */
        private void element(String name, int attributes, boolean declarationsChecked) throws NotOurShape {
            if (!Dom.DSIG_NS.equals(reader.getNamespaceURI()) || !name.equals(reader.getLocalName())
                    || !"ds".equals(reader.getPrefix()) || reader.getAttributeCount() != attributes
                    || !declarationsChecked && !"XPath".equals(name) && reader.getNamespaceCount() != 0) {
                throw new NotOurShape();
            }
        }

        /** The value of the one attribute of the start tag, which must be {@code name} in no namespace. */
        private String attribute(String name) throws NotOurShape {
            String namespace = reader.getAttributeNamespace(0);
            if (!name.equals(reader.getAttributeLocalName(0)) || namespace != null && !namespace.isEmpty()) {
                throw new NotOurShape();
            }
            return reader.getAttributeValue(0);
        }

        /** True at the next start tag, false at the next end tag; text between them only whitespace, if allowed. */
        private boolean nextTag(boolean whitespaceAround) throws XMLStreamException, NotOurShape {
            while (true) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        return true;
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        return false;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
                        if (!whitespaceAround || !reader.isWhiteSpace()) {
                            throw new NotOurShape();
                        }
                    }
                    default -> throw new NotOurShape(); // comments, CDATA, processing instructions
                }
            }
        }

        /** The end tag of the element whose content was just read. */
        private void end(boolean whitespaceAround) throws XMLStreamException, NotOurShape {
            if (nextTag(whitespaceAround)) {
                throw new NotOurShape();
            }
        }

        /** The text content up to the element's end tag, which is consumed; no child elements. */
        private String text(boolean whitespaceAllowed) throws XMLStreamException, NotOurShape {
            StringBuilder text = new StringBuilder(64);
            while (true) {
                int event = reader.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return whitespaceAllowed ? text.toString().strip() : text.toString();
                }
                if (event != XMLStreamConstants.CHARACTERS) {
                    throw new NotOurShape();
                }
                text.append(reader.getText());
            }
        }

        private static byte[] base64(String text) throws NotOurShape {
            try {
                return Base64.getMimeDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new NotOurShape();
            }
        }
    }
}
