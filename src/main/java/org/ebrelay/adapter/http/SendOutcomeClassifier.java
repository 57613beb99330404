package org.ebrelay.adapter.http;

import org.ebrelay.app.port.out.SendOutcome;

import org.ebrelay.app.port.out.SoapFault;
import org.ebrelay.app.port.out.WireMessage;

import javax.net.ssl.SSLException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The one place that decides which outcomes of an HTTP attempt are worth another attempt (ebMS 2.0 digest
 * RM-S7 and HTTP-6). Retryable: every transport failure (refused, reset, closed mid-request, timeouts, TLS
 * failures, unknown host), 408, 429, 5xx other than 500, and a 500 whose SOAP Fault is Server or unreadable.
 * Permanent: 3xx (redirects are not followed), other 4xx, and a 500 whose faultcode is Client, MustUnderstand
 * or VersionMismatch (the same bytes would be refused again).
 */
final class SendOutcomeClassifier {
    private static final int MAX_DETAIL = 120;

    private SendOutcomeClassifier() {
    }

    /** An HTTP response arrived with this status; {@code body} is null when it was empty. */
    static SendOutcome ofResponse(int status, WireMessage body) {
        if (status >= 200 && status < 300) {
            return new SendOutcome.Answered(status, body);
        }
        if (status == 408 || status == 429) {
            return new SendOutcome.RetryableFailure("HTTP " + status, status);
        }
        if (status == 500) {
            Optional<String> faultCode = body == null ? Optional.empty()
                    : SoapFaultCodes.standardFaultCode(body.body());
            if (faultCode.isPresent() && isSendersFault(faultCode.get())) {
                return new SendOutcome.PermanentFailure("HTTP 500 SOAP Fault " + faultCode.get(), status, body);
            }
            return new SendOutcome.RetryableFailure(
                    "HTTP 500 " + faultCode.map(code -> "SOAP Fault " + code).orElse("without a readable SOAP Fault"),
                    status);
        }
        if (status >= 500) {
            return new SendOutcome.RetryableFailure("HTTP " + status, status);
        }
        String why = status >= 300 && status < 400 ? " (redirects are not followed)" : "";
        return new SendOutcome.PermanentFailure("HTTP " + status + why, status, body);
    }

    private static boolean isSendersFault(String code) {
        return SoapFault.CLIENT.equals(code) || SoapFault.MUST_UNDERSTAND.equals(code)
                || SoapFault.VERSION_MISMATCH.equals(code);
    }

    /** No usable response: the attempt failed in the transport. Always retryable (attempts are bounded). */
    static SendOutcome ofFailure(Throwable failure) {
        Throwable root = unwrap(failure);
        return new SendOutcome.RetryableFailure(describe(root) + " (" + brief(root) + ")", null);
    }

    /** Class and message, shortened: Jetty's EOFException messages dump the whole connection state. */
    private static String brief(Throwable t) {
        String message = t.getMessage();
        String text = t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "...";
    }

    private static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String kind = kindOf(t);
            if (kind != null) {
                return kind;
            }
        }
        return failure instanceof IOException ? "I/O error" : "unexpected failure";
    }

    private static String kindOf(Throwable t) {
        String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        if (t instanceof SSLException) {
            return "TLS failure";
        }
        if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
            return "timeout";
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
            return message.contains("timed out") ? "timeout" : "connection refused";
        }
        if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
            return "unknown host";
        }
        if (t instanceof IOException && message.contains("reset")) {
            return "connection reset";
        }
        if (t instanceof EOFException || t instanceof ClosedChannelException
                || (t instanceof IOException && (message.contains("closed") || message.contains("broken pipe")))) {
            return "connection closed";
        }
        return null;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
