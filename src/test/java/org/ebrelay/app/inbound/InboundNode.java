package org.ebrelay.app.inbound;

import org.ebrelay.app.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.ebrelay.adapter.cpa.CpaFileLoader;
import org.ebrelay.adapter.cpa.CpaLoadResult;
import org.ebrelay.adapter.hl7.Hl7PayloadIds;
import org.ebrelay.adapter.jdbc.Database;
import org.ebrelay.adapter.jdbc.JdbcMessageStore;
import org.ebrelay.adapter.soap.EbmsDecoder;
import org.ebrelay.adapter.soap.SoapCodec;
import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.app.LocalParties;
import org.ebrelay.app.PendingReplies;
import org.ebrelay.app.port.in.ReceiveMessage.InboundReply;
import org.ebrelay.app.port.out.Decoded;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.PartyId;

/**
 * One receiving node for the pipeline tests: the real codec, a real H2 store (of {@link WithDatabase}), CPAs loaded
 * by the real loader, a clock the test sets, predictable ids, and a recording partner for asynchronous replies.
 */
final class InboundNode implements AutoCloseable {
    final TestClock clock;
    final SequenceIds ids = new SequenceIds();
    final SoapCodec codec = new SoapCodec(new EbmsDecoder());
    final RecordingTransport partner = new RecordingTransport();
    final MessageStore store;
    final PendingReplies pendingReplies;
    final AsyncReplies asyncReplies;
    final ReceivePipeline pipeline;

    private InboundNode(Builder builder) {
        this.clock = new TestClock(builder.now);
        this.store = new JdbcMessageStore(builder.database);
        this.pendingReplies = new PendingReplies(clock, Duration.ofMinutes(5));
        this.asyncReplies = new AsyncReplies(partner,
                new AsyncReplies.Settings(3, Duration.ofMillis(5), Duration.ofSeconds(5), 1));
        List<Agreement> agreements = new ArrayList<>(builder.agreements);
        for (Path cpa : builder.cpas) {
            agreements.add(load(cpa, clock));
        }
        this.pipeline = new ReceivePipeline(codec, new AgreementRegistry(agreements),
                new LocalParties(builder.actsFor), builder.storeSeenByPipeline.apply(store), ids, clock, new SignalHandler(store, pendingReplies),
                asyncReplies, new Hl7PayloadIds(), builder.settings);
    }

    /** A CPA through the real loader, which must find no problem in it. */
    static Agreement load(Path cpa, Clock clock) {
        CpaLoadResult loaded = new CpaFileLoader(clock).load(cpa);
        assertThat(loaded.problems()).as("problems of " + cpa).isEmpty();
        return loaded.agreement();
    }

    static Builder on(Database database) {
        return new Builder(database);
    }

    static final class Builder {
        private final Database database;
        private final List<Path> cpas = new ArrayList<>();
        private final List<Agreement> agreements = new ArrayList<>();
        private final List<PartyId> actsFor = new ArrayList<>();
        private Instant now = Messages.NOW;
        private ReceiveSettings settings = ReceiveSettings.defaults();
        private UnaryOperator<MessageStore> storeSeenByPipeline = UnaryOperator.identity();

        private Builder(Database database) {
            this.database = database;
        }

        Builder cpa(Path file) {
            cpas.add(file);
            return this;
        }

        /** An agreement built by the test (one the loader would refuse, such as a proposed one). */
        Builder agreement(Agreement agreement) {
            agreements.add(agreement);
            return this;
        }

        Builder actingFor(PartyId party) {
            actsFor.add(party);
            return this;
        }

        Builder at(Instant instant) {
            now = instant;
            return this;
        }

        Builder settings(ReceiveSettings value) {
            settings = value;
            return this;
        }

        /** The pipeline sees the store through {@code decorator} (to inject store failures). */
        Builder storeSeenByPipeline(UnaryOperator<MessageStore> decorator) {
            storeSeenByPipeline = decorator;
            return this;
        }

        InboundNode start() {
            return new InboundNode(this);
        }
    }

    /** Encodes {@code message} with the real codec and posts it. */
    InboundReply receive(EbmsMessage message) {
        return receive(codec.encode(message));
    }

    InboundReply receive(WireMessage wire) {
        return pipeline.receive(wire, List.of());
    }

    /** Posts {@code message} as if over TLS with this client certificate chain. */
    InboundReply receive(EbmsMessage message, List<java.security.cert.X509Certificate> clientCertificates) {
        return pipeline.receive(codec.encode(message), clientCertificates);
    }

    /** The ebXML message in a reply body, decoded with no problem of severity Error. */
    EbmsMessage decode(WireMessage wire) {
        Decoded decoded = codec.decode(wire);
        assertThat(decoded.message()).as("decoded reply").isNotNull();
        assertThat(decoded.isValid()).as("reply problems: " + decoded.problems()).isTrue();
        return decoded.message();
    }

    /** Shuts the asynchronous replies down, so that {@link RecordingTransport#all()} is final. */
    List<RecordingTransport.Sent> allAsyncReplies() {
        asyncReplies.close();
        return partner.all();
    }

    @Override
    public void close() {
        asyncReplies.close();
    }
}
