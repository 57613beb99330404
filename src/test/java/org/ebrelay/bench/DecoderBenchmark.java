package org.ebrelay.bench;

import org.ebrelay.app.port.out.Decoded;
import org.ebrelay.adapter.soap.EbmsDecoder;
import org.ebrelay.adapter.soap.EbmsEncoder;
import org.ebrelay.adapter.soap.EncoderFixtures;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessages;
import org.ebrelay.domain.message.MessageId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Our decoder: a reliable user message with a 2 KB HL7 v2 payload (multipart/related) and an Acknowledgment
 * (bare text/xml), each with and without schema validation, plus the whole build+parse cycle that
 * {@link SaajBaselineBenchmark#buildAndParse} measures for SAAJ.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecoderBenchmark {
    private final EbmsEncoder encoder = new EbmsEncoder();
    private final EbmsDecoder validating = new EbmsDecoder();
    private final EbmsDecoder lean = new EbmsDecoder(new EbmsDecoder.Options(20 * 1024 * 1024, false));
    private final EbmsMessage userMessage = EncoderFixtures.userMessage(2048);
    private final WireMessage userWire = encoder.encode(userMessage);
    private final WireMessage ackWire = encoder.encode(EbmsMessages.acknowledgmentOf(userMessage,
            MessageId.of("ack-0001@ebms.northfield-lab.example.org"), EncoderFixtures.NOW, EncoderFixtures.RECEIVED,
            List.of()));

    @Benchmark
    public Decoded parseUserMessage() {
        return lean.decode(userWire);
    }

    @Benchmark
    public Decoded parseUserMessageWithSchemaValidation() {
        return validating.decode(userWire);
    }

    @Benchmark
    public Decoded parseAcknowledgment() {
        return lean.decode(ackWire);
    }

    @Benchmark
    public Decoded parseAcknowledgmentWithSchemaValidation() {
        return validating.decode(ackWire);
    }

    /** Encode then decode the user message: the same cycle as the SAAJ baseline's build+parse. */
    @Benchmark
    public Decoded buildAndParseUserMessage() {
        return lean.decode(encoder.encode(userMessage));
    }
}
