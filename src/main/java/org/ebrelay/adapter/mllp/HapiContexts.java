package org.ebrelay.adapter.mllp;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.GenericParser;
import ca.uhn.hl7v2.util.idgenerator.UUIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

import java.nio.charset.Charset;

/** The HAPI settings every MLLP part of ebrelay uses. */
final class HapiContexts {
    private HapiContexts() {
    }

    /**
     * A context that parses any 2.x message into the 2.5.1 structures without validating it (a gateway passes
     * messages on, it does not judge their content), generates ACK ids in memory (HAPI would write {@code ./id_file})
     * parses what it can (see {@link TolerantParser}) and reads MLLP frames in the charset MSH-18 declares, else {@code fallback}.
     */
    static HapiContext lenient(Charset fallback) {
        DefaultHapiContext context = new Lenient();
        context.setValidationContext(ValidationContextFactory.noValidation());
        context.getParserConfiguration().setIdGenerator(new UUIDGenerator());
        MinLowerLayerProtocol llp = new MinLowerLayerProtocol(true);
        llp.setCharset(fallback);
        context.setLowerLayerProtocol(llp);
        return context;
    }

    /** Its generic parser (the one HAPI's server parses with) is a {@link TolerantParser}. */
    private static final class Lenient extends DefaultHapiContext {
        private GenericParser tolerant;

        Lenient() {
            super(new CanonicalModelClassFactory("2.5.1"));
        }

        @Override
        public synchronized GenericParser getGenericParser() {
            if (tolerant == null) {
                tolerant = new TolerantParser(this);
            }
            return tolerant;
        }
    }
}
