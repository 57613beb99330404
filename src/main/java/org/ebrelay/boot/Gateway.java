package org.ebrelay.boot;

import org.ebrelay.adapter.http.EbmsHttpSender;
import org.ebrelay.adapter.http.Health;
import org.ebrelay.adapter.http.HttpReply;
import org.ebrelay.adapter.http.WebServer;
import org.ebrelay.adapter.hl7.Hl7MessageIds;
import org.ebrelay.adapter.jdbc.Database;
import org.ebrelay.adapter.jdbc.JdbcMessageStore;
import org.ebrelay.adapter.quartz.QuartzWakeUps;
import org.ebrelay.adapter.rest.RestApi;
import org.ebrelay.adapter.soap.EbmsDecoder;
import org.ebrelay.adapter.soap.SoapCodec;
import org.ebrelay.adapter.soapapi.SoapApi;
import org.ebrelay.adapter.webhook.HttpApplicationWebhook;
import org.ebrelay.app.AccessCheck;
import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.app.LocalParties;
import org.ebrelay.app.PendingReplies;
import org.ebrelay.app.UuidIdGenerator;
import org.ebrelay.app.delivery.InboxService;
import org.ebrelay.app.delivery.WebhookPusher;
import org.ebrelay.app.delivery.WebhookRouting;
import org.ebrelay.app.diagnose.DiagnosePartnerService;
import org.ebrelay.app.inbound.AsyncReplies;
import org.ebrelay.app.inbound.ReceivePipeline;
import org.ebrelay.app.inbound.ReceiveSettings;
import org.ebrelay.app.inbound.SignalHandler;
import org.ebrelay.app.outbound.OutboundDispatcher;
import org.ebrelay.app.outbound.OutboundMessageFactory;
import org.ebrelay.app.outbound.pacing.PartnerGate;
import org.ebrelay.app.outbound.SubmitMessageService;
import org.ebrelay.app.port.in.DiagnosePartner;
import org.ebrelay.app.port.in.Inbox;
import org.ebrelay.app.port.in.QueryMessages;
import org.ebrelay.app.port.in.ReceiveMessage;
import org.ebrelay.app.port.in.SubmitMessage;
import org.ebrelay.app.port.out.NodeId;
import org.ebrelay.app.query.QueryService;
import org.ebrelay.boot.config.GatewayConfig;
import org.ebrelay.boot.config.NodeIdentity;
import org.ebrelay.domain.retry.FastRetryPolicy;
import org.ebrelay.domain.retry.TimeToLiveRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One gateway node, assembled from its parts by constructors, in this one place. {@link #start} validates the
 * configuration and the CPAs first ({@link NodeSetup}) and refuses to start with a clear message when something is
 * wrong; on any failure, what was started is stopped again.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Gateway.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private NodeSetup setup;
    private Database database;
    private JdbcMessageStore store;
    private WebServer web;
    private OutboundDispatcher dispatcher;
    private WebhookPusher webhooks;
    private PendingReplies pending;
    private SubmitMessage submit;
    private QueryMessages query;
    private Inbox inbox;
    private DiagnosePartner diagnose;
    private GatewayMetrics metrics;

    private Gateway() {
    }

    public static Gateway start(GatewayConfig config, Clock clock) {
        Gateway gateway = new Gateway();
        try {
            gateway.assemble(config, clock);
            return gateway;
        } catch (StartupException e) {
            gateway.close();
            throw e;
        } catch (Exception e) {
            gateway.close();
            throw new StartupException("the node did not start: " + e.getMessage(), e);
        }
    }

    private void assemble(GatewayConfig config, Clock clock) throws Exception {
        Files.createDirectories(config.storage().dataDir());
        NodeId nodeId = NodeId.of(NodeIdentity.resolve(config.node().id(), config.storage().dataDir()));
        setup = NodeSetup.check(config, clock, nodeId);
        AgreementRegistry agreements = setup.agreements();
        LocalParties parties = setup.localParties();

        database = Database.open(setup.databaseSettings());
        started.push(database);
        store = new JdbcMessageStore(database);
        SoapCodec codec = new SoapCodec(new EbmsDecoder(new EbmsDecoder.Options(setup.maxMessageBytes(), true)));
        EbmsHttpSender sender = new EbmsHttpSender(setup.senderConfig());
        sender.start();
        started.push(sender);
        UuidIdGenerator ids = new UuidIdGenerator(nodeId.value());
        Hl7MessageIds hl7 = new Hl7MessageIds();
        metrics = new GatewayMetrics(store, clock);

        pending = new PendingReplies(clock, Duration.ofMinutes(5));
        SignalHandler signals = new SignalHandler(store, pending);
        AsyncReplies replies = new AsyncReplies(sender, AsyncReplies.Settings.defaults());
        started.push(replies);
        WebhookRouting routing = new WebhookRouting(setup.webhooks());
        ReceiveSettings receiveSettings = ReceiveSettings.defaults().withWebhooks(
                (heading, party) -> routing.applies(heading.cpaId(), heading.service(), heading.action()));
        ReceiveMessage receive = new ReceivePipeline(codec, agreements, parties, store, ids, clock, signals, replies,
                hl7, receiveSettings);

        PartnerGate gate = new PartnerGate(clock, setup.pacingPolicy(), PartnerGate.Listener.NONE);
        metrics.watch(gate);
        dispatcher = new OutboundDispatcher(store, sender, codec, signals, new FastRetryPolicy(), clock, nodeId,
                setup.dispatchSettings(), metrics, gate);
        submit = new SubmitMessageService(agreements, parties, new OutboundMessageFactory(ids,
                new TimeToLiveRule(config.reliability().ttlSafetyMargin())), codec, store, ids, hl7, clock,
                dispatcher::wake);
        query = new QueryService(store);
        inbox = new InboxService(store, codec, clock);
        diagnose = new DiagnosePartnerService(agreements, parties, codec, sender, pending, ids, clock,
                config.http().responseTimeout());
        webhooks = new WebhookPusher(store, codec, routing,
                new HttpApplicationWebhook(config.http().connectTimeout(), config.http().responseTimeout()), clock);

        web = new WebServer(setup.webServerConfig(), (request, info) -> {
            ReceiveMessage.InboundReply reply = receive.receive(request, info.clientCertificates());
            if (reply.httpStatus() < 300 && !setup.webhooks().isEmpty()) {
                webhookRuns.execute(webhooks::pushDue);
            }
            return new HttpReply(reply.httpStatus(), reply.body());
        }, this::health, metrics.registry());
        RestApi rest = new RestApi(submit, query, inbox, diagnose, AccessCheck.PERMIT_ALL);
        rest.resources().forEach(web::addRestResource);
        rest.providers().forEach(web::addRestProvider);
        web.addSoapEndpoint("/submission", new SoapApi(submit, query, AccessCheck.PERMIT_ALL).implementor(),
                SoapApi.wsdlLocation());

        dispatcher.start();
        started.push(dispatcher);
        started.push(webhookRuns::shutdownNow);
        web.start();
        started.push(web::stop);
        QuartzWakeUps quartz = new QuartzWakeUps(nodeId.value(), database.dataSource(),
                "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        quartz.every("sweep", config.reliability().sweepInterval(), this::sweep);
        quartz.start();
        started.push(quartz);
        log.info("node {} serving {} with {} CPA(s), acting for {}", nodeId, baseUri(),
                agreements.all().size(), parties.actsForAnyParty() ? "every party of its CPAs" : parties.configured());
    }

    private final ExecutorService webhookRuns = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ebrelay-webhooks");
        t.setDaemon(true);
        return t;
    });

    /** The periodic work Quartz wakes: due sends, webhook pushes, expired replies and remembered ids. */
    private void sweep() {
        dispatcher.wake();
        if (!setup.webhooks().isEmpty()) {
            webhooks.pushDue();
        }
        pending.expireOverdue();
        store.purgeRememberedIds(setup.clock().instant(), 1_000);
    }

    private Health health() {
        return new Health(true, Map.of("node", setup.nodeId().value(), "cpas", setup.agreements().all().size()));
    }

    public URI baseUri() {
        return web.baseUri();
    }

    /** Where /api answers: the admin port when one is configured. */
    public URI apiBaseUri() {
        return web.apiBaseUri();
    }

    public NodeId nodeId() {
        return setup.nodeId();
    }

    public SubmitMessage submit() {
        return submit;
    }

    public QueryMessages query() {
        return query;
    }

    public Inbox inbox() {
        return inbox;
    }

    public DiagnosePartner diagnose() {
        return diagnose;
    }

    public AgreementRegistry agreements() {
        return setup.agreements();
    }

    /** Stops accepting first, then the work in progress, then the database. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("stopping {} failed: {}", part, e.toString());
            }
        }
        webhookRuns.shutdownNow();
    }
}
