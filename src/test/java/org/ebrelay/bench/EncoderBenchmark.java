package org.ebrelay.bench;

import org.ebrelay.adapter.soap.EbmsEncoder;
import org.ebrelay.adapter.soap.EncoderFixtures;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.AckRequested;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessageBuilder;
import org.ebrelay.domain.message.EbmsMessages;
import org.ebrelay.domain.message.MessageData;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.Payload;
import org.ebrelay.domain.message.Service;
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
 * Our encoder on the hot path: build the model and encode it, for a reliable user message with a 2 KB
 * HL7 v2 (ER7) payload and for a standalone Acknowledgment. Compare with {@link SaajBaselineBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EncoderBenchmark {
    private final EbmsEncoder encoder = new EbmsEncoder();
    private final byte[] hl7 = EncoderFixtures.hl7v2(2048);
    private final EbmsMessage received = EncoderFixtures.userMessage(2048);

    @Benchmark
    public WireMessage buildAndEncodeUserMessage() {
        MessageHeader header = new MessageHeader(EncoderFixtures.HOSPITAL, EncoderFixtures.LAB, EncoderFixtures.CPA,
                EncoderFixtures.CONVERSATION, Service.of("urn:ebrelay:service-type", "LabOrders"), "ORU_R01",
                new MessageData(MessageId.of("b1e5d7c2-0001@ebms.riverside-hospital.example.org"), EncoderFixtures.NOW,
                        null, null), true, List.of());
        EbmsMessage message = EbmsMessageBuilder.withHeader(header).ackRequested(AckRequested.toPartyMsh(false))
                .payload(new Payload("hl7-payload-0001@riverside-hospital.example.org", "application/hl7-v2", hl7))
                .build();
        return encoder.encode(message);
    }

    @Benchmark
    public WireMessage buildAndEncodeAcknowledgment() {
        EbmsMessage ack = EbmsMessages.acknowledgmentOf(received, MessageId.of("ack-0001@ebms.northfield-lab.example.org"),
                EncoderFixtures.NOW, EncoderFixtures.RECEIVED, List.of());
        return encoder.encode(ack);
    }
}
