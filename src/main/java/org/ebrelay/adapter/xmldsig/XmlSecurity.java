package org.ebrelay.adapter.xmldsig;

import java.lang.reflect.Field;
import java.util.Map;
import org.apache.xml.security.Init;
import org.apache.xml.security.transforms.Transform;
import org.apache.xml.security.transforms.TransformSpi;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.transforms.implementations.TransformXPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Santuario set up once for the JVM: initialised, base64 without line breaks (else values carry {@code &#13;}), and
 * the XPath transform replaced by {@link EbmsXPathTransform}. Santuario registers a transform once per URI and has
 * no public way to replace one, so the registry entry is swapped by reflection; when that fails (a later Santuario)
 * the stock transform stays, which is correct, only slower.
 */
public final class XmlSecurity {
    private static final Logger LOG = LoggerFactory.getLogger(XmlSecurity.class);
    private static boolean initialised;
    private static boolean fastFilter;

    private XmlSecurity() {
    }

    public static synchronized void init() {
        if (initialised) {
            return;
        }
        System.setProperty("org.apache.xml.security.ignoreLineBreaks", "true");
        Init.init();
        fastFilter = installFastFilter();
        initialised = true;
    }

    /** Whether the ebMS XPath filter is evaluated natively (false: by Santuario's generic XPath transform). */
    public static synchronized boolean fastFilter() {
        init();
        return fastFilter;
    }

    /**
     * Chooses how the XPath transform is evaluated from now on, for the whole JVM: natively for the ebMS filter
     * (the default) or by Santuario's generic transform (benchmarks compare the two).
     */
    public static synchronized void evaluateFilterNatively(boolean natively) {
        init();
        fastFilter = install(natively ? new EbmsXPathTransform() : new TransformXPath()) && natively;
    }

    private static boolean installFastFilter() {
        return install(new EbmsXPathTransform());
    }

    @SuppressWarnings("unchecked")
    private static boolean install(TransformSpi transform) {
        try {
            Field field = Transform.class.getDeclaredField("transformSpiHash");
            field.setAccessible(true);
            Map<String, TransformSpi> registry = (Map<String, TransformSpi>) field.get(null);
            registry.put(Transforms.TRANSFORM_XPATH, transform);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("The ebMS XPath filter is evaluated by Santuario's generic XPath transform (slower): {}",
                    e.toString());
            return false;
        }
    }
}
