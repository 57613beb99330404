package org.ebrelay.adapter.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.MessageVisitorSupport;
import ca.uhn.hl7v2.model.MessageVisitors;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.NoValidation;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An HL7 v2 (ER7) payload decoded by HAPI into segments and fields, for people to read (the bank's message page).
 * Parsed leniently (no validation): a message the partner accepted should be shown even if it bends the standard.
 */
public final class Hl7Decoding {
    private final HapiContext context;
    private final Hl7PayloadRules rules = new Hl7PayloadRules();

    public Hl7Decoding() {
        context = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
        context.setValidationContext(new NoValidation());
    }

    public record Field(int position, String value, List<String> components) {
    }

    public record DecodedSegment(String name, int index, List<Field> fields) {
    }

    /** @param error why the text is not shown as segments, or null */
    public record Decoded(String text, String version, String messageType, List<DecodedSegment> segments,
                          String error) {
    }

    public Decoded decode(byte[] content, String contentType) {
        String text = new String(content, charset(content, contentType));
        String start = text.stripLeading();
        if (start.startsWith("<")) {
            return xml(content, text);
        }
        if (!start.startsWith("MSH")) {
            return new Decoded(text, null, null, List.of(), "not an HL7 v2 ER7 message (it does not start with MSH)");
        }
        try {
            PipeParser parser = context.getPipeParser();
            Message message = parser.parse(text.strip().replace("\r\n", "\r").replace('\n', '\r'));
            return new Decoded(text, message.getVersion(), messageType(message), segments(message), null);
        } catch (HL7Exception | RuntimeException e) {
            return new Decoded(text, null, null, List.of(), "HL7 v2 parse failed: " + e.getMessage());
        }
    }

    /** ER7: the charset MSH-18 names, else the content type's, else UTF-8 (what the gateway itself sends with). */
    private static Charset charset(byte[] content, String contentType) {
        int start = 0;
        while (start < content.length && content[start] <= ' ') {
            start++;
        }
        Optional<Charset> declared = content.length - start > 3 && content[start] == 'M'
                ? Er7MessageIds.declaredCharset(content, start) : Optional.empty();
        return declared.or(() -> Hl7Charsets.fromContentType(contentType)).orElse(StandardCharsets.UTF_8);
    }

    /**
     * HL7 v3 is shown as the XML it is; HL7 v2 XML is decoded by HAPI's XML parser into segments, once the hardened
     * reader found it well formed and without a DOCTYPE (HAPI's own DOM parser is not as strict).
     */
    private Decoded xml(byte[] content, String text) {
        String problem = rules.check("application/xml", content).problem();
        if (problem != null) {
            return new Decoded(text, null, null, List.of(), problem);
        }
        if (text.contains(XmlMessageIds.V3_NAMESPACE)) {
            return new Decoded(text, "v3", "HL7 v3 XML", List.of(), null);
        }
        try {
            Message message = context.getXMLParser().parse(text);
            return new Decoded(text, message.getVersion(), messageType(message), segments(message), null);
        } catch (HL7Exception | RuntimeException e) {
            return new Decoded(text, null, null, List.of(), "not an HL7 v2 message (ER7 or XML): " + e.getMessage());
        }
    }

    private static List<DecodedSegment> segments(Message message) throws HL7Exception {
        EncodingCharacters encoding = EncodingCharacters.getInstance(message);
        List<DecodedSegment> segments = new ArrayList<>();
        MessageVisitors.visit(message, MessageVisitors.visitPopulatedElements(new MessageVisitorSupport() {
            @Override
            public boolean start(Segment segment, ca.uhn.hl7v2.Location location) throws HL7Exception {
                segments.add(new DecodedSegment(segment.getName(), segments.size() + 1, fields(segment, encoding)));
                return false;
            }
        }));
        return segments;
    }

    private static List<Field> fields(Segment segment, EncodingCharacters encoding) throws HL7Exception {
        List<Field> fields = new ArrayList<>();
        for (int position = 1; position <= segment.numFields(); position++) {
            Type[] repetitions = segment.getField(position);
            List<String> values = new ArrayList<>();
            for (Type repetition : repetitions) {
                values.add(PipeParser.encode(repetition, encoding));
            }
            String value = String.join(String.valueOf(encoding.getRepetitionSeparator()), values);
            if (!value.isEmpty()) {
                String separator = java.util.regex.Pattern.quote(String.valueOf(encoding.getComponentSeparator()));
                List<String> components = position <= 2 && "MSH".equals(segment.getName())
                        ? List.of(value) : Arrays.asList(value.split(separator, -1));
                fields.add(new Field(position, value, components));
            }
        }
        return fields;
    }

    private static String messageType(Message message) {
        try {
            Segment msh = (Segment) message.get("MSH");
            return PipeParser.encode(msh.getField(9, 0), EncodingCharacters.getInstance(message));
        } catch (HL7Exception | RuntimeException e) {
            return null;
        }
    }
}
