package org.ebrelay.app;

import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.app.port.out.PartnerTransport;
import org.ebrelay.app.port.out.SendOutcome;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.EbmsMessage;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The partner's MSH as a test double: decodes what it is sent with the real codec, lets the network time pass on
 * the test clock, and answers as the script says (a real encoded reply, an empty 2xx, or a failure).
 */
public final class ScriptedPartner implements PartnerTransport {
    public record Sent(URI endpoint, WireMessage wire, EbmsMessage message, Duration timeout) {
    }

    private final MessageCodec codec;
    private final TestClock clock;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile Function<EbmsMessage, SendOutcome> script = request -> new SendOutcome.Answered(204, null);

    public ScriptedPartner(MessageCodec codec, TestClock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    public ScriptedPartner answering(Function<EbmsMessage, SendOutcome> answer) {
        this.script = answer;
        return this;
    }

    /** How long each exchange takes on the test clock. */
    public ScriptedPartner taking(Duration duration) {
        this.latency = duration;
        return this;
    }

    /** A synchronous answer: {@code reply} encoded by the real codec on a 200 response. */
    public SendOutcome.Answered replyWith(EbmsMessage reply) {
        return new SendOutcome.Answered(200, codec.encode(reply));
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public EbmsMessage lastRequest() {
        return sent.get(sent.size() - 1).message();
    }

    @Override
    public CompletableFuture<SendOutcome> send(URI endpoint, WireMessage message, Duration timeout) {
        EbmsMessage request = codec.decode(message).message();
        sent.add(new Sent(endpoint, message, request, timeout));
        clock.advance(latency);
        return CompletableFuture.completedFuture(script.apply(request));
    }
}
