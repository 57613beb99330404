package org.ebrelay.adapter.cpa;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Parses the typed values of a CPA (durations, date-times, integers, URIs, certificates) without throwing. */
final class CpaValues {
    /** Average lengths for xsd:duration years and months, whose real length depends on the calendar. */
    private static final long SECONDS_PER_YEAR = 365L * 86_400;
    private static final long SECONDS_PER_MONTH = 30L * 86_400;

    private static final DatatypeFactory DATATYPES;

    static {
        try {
            DATATYPES = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("the JDK has no DatatypeFactory", e);
        }
    }

    private CpaValues() {
    }

    /** An xsd:duration ("PT30S", "P1D"); years and months count as 365 and 30 days. */
    static Optional<Duration> duration(String text) {
        try {
            javax.xml.datatype.Duration d = DATATYPES.newDuration(text.strip());
            BigDecimal seconds = seconds(d, DatatypeConstants.SECONDS)
                    .add(BigDecimal.valueOf(60).multiply(seconds(d, DatatypeConstants.MINUTES)))
                    .add(BigDecimal.valueOf(3_600).multiply(seconds(d, DatatypeConstants.HOURS)))
                    .add(BigDecimal.valueOf(86_400).multiply(seconds(d, DatatypeConstants.DAYS)))
                    .add(BigDecimal.valueOf(SECONDS_PER_MONTH).multiply(seconds(d, DatatypeConstants.MONTHS)))
                    .add(BigDecimal.valueOf(SECONDS_PER_YEAR).multiply(seconds(d, DatatypeConstants.YEARS)));
            Duration duration = Duration.ofNanos(seconds.movePointRight(9).toBigInteger().longValueExact());
            return Optional.of(d.getSign() < 0 ? duration.negated() : duration);
        } catch (IllegalArgumentException | UnsupportedOperationException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static BigDecimal seconds(javax.xml.datatype.Duration d, DatatypeConstants.Field field) {
        Number value = d.getField(field);
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    /** An xsd:dateTime; one without a time zone is taken as UTC (see {@link #hasTimeZone}). */
    static Optional<Instant> instant(String text) {
        try {
            XMLGregorianCalendar calendar = DATATYPES.newXMLGregorianCalendar(text.strip());
            if (calendar.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
                calendar.setTimezone(0);
            }
            return Optional.of(calendar.toGregorianCalendar().toInstant());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean hasTimeZone(String text) {
        try {
            return DATATYPES.newXMLGregorianCalendar(text.strip()).getTimezone() != DatatypeConstants.FIELD_UNDEFINED;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** An xsd:integer that fits an int. */
    static Optional<Integer> integer(String text) {
        try {
            BigInteger value = new BigInteger(text.strip());
            return value.bitLength() < 32 ? Optional.of(value.intValue()) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<URI> uri(String text) {
        try {
            return Optional.of(new URI(text.strip()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The base64 text of a ds:X509Certificate decoded to DER; line breaks and spaces are allowed. */
    static Optional<byte[]> base64(String text) {
        try {
            return Optional.of(Base64.getMimeDecoder().decode(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Parses DER bytes as an X.509 certificate; the message of the failure otherwise. */
    static X509Certificate x509(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    static boolean bool(String text) {
        return text != null && ("true".equals(text.strip()) || "1".equals(text.strip()));
    }
}
