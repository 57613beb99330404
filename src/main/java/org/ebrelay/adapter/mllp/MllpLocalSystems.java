package org.ebrelay.adapter.mllp;

import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.llp.MinLLPReader;
import ca.uhn.hl7v2.llp.MinLLPWriter;
import org.ebrelay.adapter.hl7.Hl7Charsets;
import org.ebrelay.app.hl7.Hl7Fields;
import org.ebrelay.app.port.out.LocalHl7Systems;
import org.ebrelay.app.port.out.LocalHl7Systems.Reply;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * MLLP out with HAPI's MLLP framing: one connection per destination, kept between messages (sends are serial:
 * the pusher runs one push at a time), the message written as stored (decoded and
 * encoded again in the charset its MSH-18 or content type declares, so the bytes are unchanged), the system's ACK
 * read back and its MSA-1 taken as the answer.
 */
public final class MllpLocalSystems implements LocalHl7Systems {
    private final Map<String, Socket> open = new HashMap<>();
    private final Charset fallback;
    private final Duration connectTimeout;
    private final Duration responseTimeout;

    public MllpLocalSystems(Charset fallback, Duration connectTimeout, Duration responseTimeout) {
        this.fallback = fallback;
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
    }

    @Override
    public Optional<Hl7Fields> fields(String contentType, byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1).strip();
        if (text.startsWith("\u000b")) {
            text = text.substring(1);
        }
        if (!text.startsWith("MSH") || text.length() < 8) {
            return Optional.empty();
        }
        String[] msh = Er7Segments.fields(new String(content, charset(contentType, content)), "MSH");
        char component = msh.length > 2 && !msh[2].isEmpty() ? msh[2].charAt(0) : '^';
        return Optional.of(new Hl7Fields(Er7Segments.first(msh, 3, component), Er7Segments.first(msh, 4, component),
                Er7Segments.first(msh, 5, component), Er7Segments.first(msh, 6, component),
                Er7Segments.component(msh, 9, 1, component), Er7Segments.component(msh, 9, 2, component),
                Er7Segments.first(msh, 10, component)));
    }

    @Override
    public Optional<String> acknowledgedId(String contentType, byte[] content) {
        if (fields(contentType, content).isEmpty()) {
            return Optional.empty();
        }
        String text = new String(content, charset(contentType, content));
        String[] msh = Er7Segments.fields(text, "MSH");
        char component = msh.length > 2 && !msh[2].isEmpty() ? msh[2].charAt(0) : '^';
        String[] msa = Er7Segments.fields(text, "MSA");
        if (msa.length == 0) {
            return Optional.empty();
        }
        String id = Er7Segments.first(msa, 2, component);
        return Optional.of(id == null ? "" : id.strip());
    }

    @Override
    public synchronized Hl7Answer send(String host, int port, String contentType, byte[] content) {
        Charset charset = charset(contentType, content);
        String text = new String(content, charset);
        String address = host + ":" + port;
        Socket kept = open.remove(address);
        if (kept != null) {
            try {
                return exchange(kept, address, text, charset);
            } catch (IOException | LLPException | RuntimeException e) {
                closeQuietly(kept); // the system may have closed an idle connection: once more on a fresh one
            }
        }
        Socket fresh = new Socket();
        try {
            fresh.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            fresh.setSoTimeout((int) responseTimeout.toMillis());
            return exchange(fresh, address, text, charset);
        } catch (IOException | LLPException | RuntimeException e) {
            closeQuietly(fresh);
            return Hl7Answer.noAnswer(e.toString());
        }
    }

    @Override
    public Hl7Answer sendUnacknowledged(String host, int port, String contentType, byte[] content) {
        Charset charset = charset(contentType, content);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            new MinLLPWriter(socket.getOutputStream(), charset).writeMessage(new String(content, charset));
            socket.getOutputStream().flush();
            return new Hl7Answer("AA", null);
        } catch (IOException | LLPException | RuntimeException e) {
            return Hl7Answer.noAnswer(e.toString());
        }
    }

    /** One message and its answer; the connection is kept for the next message when the exchange worked. */
    private Hl7Answer exchange(Socket socket, String address, String text, Charset charset)
            throws IOException, LLPException {
        new MinLLPWriter(socket.getOutputStream(), charset).writeMessage(text);
        String ack = new MinLLPReader(socket.getInputStream(), charset).getMessage();
        if (ack == null) {
            throw new IOException("the connection closed without an acknowledgment");
        }
        open.put(address, socket);
        return answer(ack).withReply(new Reply(MllpIntakeApplication.CONTENT_TYPE + "; charset=" + charset.name(),
                ack.getBytes(charset)));
    }

    /** Closes the kept connections. */
    @Override
    public synchronized void close() {
        open.values().forEach(MllpLocalSystems::closeQuietly);
        open.clear();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a broken connection: nothing more to do
        }
    }

    /** MSA-1 and, when it is not an accept, the error text (MSA-3, ERR). */
    static Hl7Answer answer(String ack) {
        String[] msa = Er7Segments.fields(ack, "MSA");
        String code = Er7Segments.first(msa, 1, '^');
        if (code == null) {
            return Hl7Answer.noAnswer("the answer has no MSA-1: " + ack.strip().replace('\r', ' '));
        }
        if ("AA".equals(code) || "CA".equals(code)) {
            return new Hl7Answer(code, null);
        }
        String[] err = Er7Segments.fields(ack, "ERR");
        String detail = String.join(" ", msa.length > 3 ? msa[3] : "", err.length > 0 ? String.join("|", err) : "");
        return new Hl7Answer(code, detail.strip());
    }

    private Charset charset(String contentType, byte[] content) {
        String[] msh = Er7Segments.fields(new String(content, StandardCharsets.ISO_8859_1), "MSH");
        String msh18 = msh.length > 18 ? msh[18] : null;
        char repetition = msh.length > 2 && msh[2].length() > 1 ? msh[2].charAt(1) : '~';
        return Hl7Charsets.forMsh18(msh18, repetition)
                .or(() -> Hl7Charsets.fromContentType(contentType))
                .orElse(fallback);
    }
}
