package org.ebrelay.boot;

import org.ebrelay.adapter.http.EbmsHttpSender;
import org.ebrelay.adapter.http.Health;
import org.ebrelay.adapter.http.HttpReply;
import org.ebrelay.adapter.http.WebServer;
import org.ebrelay.adapter.hl7.Hl7MessageIds;
import org.ebrelay.adapter.jdbc.Database;
import org.ebrelay.adapter.mllp.MllpListener;
import org.ebrelay.adapter.jdbc.JdbcMessageStore;
import org.ebrelay.adapter.jdbc.JdbcMllpAnswers;
import org.ebrelay.adapter.hl7.Hl7PayloadRules;
import org.ebrelay.app.outbound.CheckedSubmissions;
import org.ebrelay.adapter.jdbc.JdbcNoticeStore;
import org.ebrelay.adapter.rest.CpaReports;
import org.ebrelay.adapter.rest.CpaResource;
import org.ebrelay.app.bank.CpaShipping;
import org.ebrelay.adapter.rest.NoticesResource;
import org.ebrelay.adapter.rest.RestApi;
import org.ebrelay.adapter.rest.SubmissionHandler;
import org.ebrelay.adapter.soap.EbmsDecoder;
import org.ebrelay.adapter.soap.SoapCodec;
import org.ebrelay.adapter.soapapi.SoapApi;
import org.ebrelay.adapter.tls.CertificateExpiryWatch;
import org.ebrelay.adapter.tls.TlsContexts;
import org.ebrelay.adapter.jdbc.JdbcNodeNotes;
import org.ebrelay.adapter.rest.OperatorAuditFilter;
import org.ebrelay.app.bank.NodeNotes;
import org.ebrelay.app.inbound.RejectedRequests;
import org.ebrelay.adapter.http.EbmsEndpoint;
import org.ebrelay.adapter.webhook.HttpApplicationWebhook;
import org.ebrelay.app.signing.Signatures;
import org.ebrelay.app.AccessCheck;
import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.app.LocalParties;
import org.ebrelay.app.cpa.CpaAdministration;
import org.ebrelay.app.PendingReplies;
import org.ebrelay.app.UuidIdGenerator;
import org.ebrelay.app.delivery.InboxService;
import org.ebrelay.app.delivery.MllpPushes;
import org.ebrelay.app.delivery.WebhookPusher;
import org.ebrelay.app.delivery.WebhookRouting;
import org.ebrelay.app.diagnose.DiagnosePartnerService;
import org.ebrelay.app.inbound.AsyncReplies;
import org.ebrelay.app.inbound.ReceivePipeline;
import org.ebrelay.app.inbound.ReceiveSettings;
import org.ebrelay.app.notify.AdminNotice;
import org.ebrelay.app.ordering.OrderedDelivery;
import org.ebrelay.app.ordering.OrderingLimits;
import org.ebrelay.app.outbound.NumberedOutbox;
import org.ebrelay.adapter.jdbc.JdbcOrdering;
import org.ebrelay.adapter.rest.OrderingResource;
import org.ebrelay.app.inbound.SignalHandler;
import org.ebrelay.app.notify.AdminNotifier;
import org.ebrelay.app.notify.AlertAggregator;
import org.ebrelay.app.notify.NoticePusher;
import org.ebrelay.app.notify.NoticeService;
import org.ebrelay.app.notify.NotificationListener;
import org.ebrelay.app.outbound.ManualHandlingService;
import org.ebrelay.app.outbound.OutboundDispatcher;
import org.ebrelay.app.outbound.OutboundListener;
import org.ebrelay.app.outbound.OutboundMessageFactory;
import org.ebrelay.app.outbound.pacing.PartnerGate;
import org.ebrelay.app.outbound.SubmitMessageService;
import org.ebrelay.app.port.in.DiagnosePartner;
import org.ebrelay.app.port.in.HandleManually;
import org.ebrelay.app.port.in.Inbox;
import org.ebrelay.app.port.in.Notices;
import org.ebrelay.app.port.in.QueryMessages;
import org.ebrelay.app.port.in.ReceiveMessage;
import org.ebrelay.app.port.in.SubmitMessage;
import org.ebrelay.app.port.out.NodeId;
import org.ebrelay.app.query.QueryService;
import org.ebrelay.boot.config.GatewayConfig;
import org.ebrelay.boot.config.NodeIdentity;
import org.ebrelay.domain.retry.TimeToLiveRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * One gateway node, assembled from its parts by constructors, in this one place. {@link #start} validates the
 * configuration and the CPAs first ({@link NodeSetup}) and refuses to start with a clear message when something is
 * wrong; on any failure, what was started is stopped again.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Gateway.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<OutboundListener> outboundListeners = new CopyOnWriteArrayList<>();
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
    private HandleManually manualHandling;
    private GatewayMetrics metrics;
    private Notices notices;
    private NoticePusher noticePusher;
    private MllpPushes mllpPushes = MllpPushes.none();
    private JdbcMllpAnswers mllpAnswers;
    private java.time.Duration originsKept;
    private List<MllpListener> mllpListeners = List.of();
    private BankWiring bank;
    private CpaAdministration cpaAdmin;
    private OrderedDelivery ordering;
    private volatile AdminNotifier adminNotifier;

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
        JdbcOrdering orderingStore = new JdbcOrdering(database);
        GatewayConfig.Ordering orderingLimits = config.delivery().ordering();
        ordering = new OrderedDelivery(orderingStore, new OrderingLimits(orderingLimits.maxHeldPerConversation(),
                orderingLimits.maxGapWait()), this::announce, clock);
        BankWiring.registerWriter(config, nodeId.value(), database, clock);
        cpaAdmin = CpaAdminSetup.start(config, clock, nodeId.value(), agreements, database, started);
        SoapCodec codec = new SoapCodec(new EbmsDecoder(new EbmsDecoder.Options(setup.maxMessageBytes(),
                config.http().schemaValidation())));
        TlsContexts tls = TlsContexts.of(setup.tlsSettings());
        started.push(tls);
        EbmsHttpSender sender = new EbmsHttpSender(setup.senderConfig().withTls(tls.client()));
        sender.start();
        started.push(sender);
        UuidIdGenerator ids = new UuidIdGenerator(nodeId.value(), clock);
        Hl7MessageIds hl7 = new Hl7MessageIds();
        metrics = new GatewayMetrics(store, clock);

        pending = new PendingReplies(clock, Duration.ofMinutes(5));
        ClusterSetup.shareReplies(database, pending, codec, nodeId, clock).ifPresent(started::push);
        SignalHandler signals = new SignalHandler(store, pending, OutboundListener.each(outboundListeners));
        AsyncReplies replies = new AsyncReplies(sender, AsyncReplies.Settings.defaults());
        started.push(replies);
        WebhookRouting routing = new WebhookRouting(setup.webhooks());
        ReceiveSettings receiveSettings = ReceiveSettings.defaults().withWebhooks(
                (heading, party) -> routing.applies(heading.cpaId(), heading.service(), heading.action())
                        || mllpPushes.mayTake(heading.cpaId(), heading.service(), heading.action()))
                .withHl7DuplicateWindow(config.reliability().hl7DuplicateWindow()).withOrdering(ordering);
        Signatures signatures = SigningSetup.signatures(config.signing(), started)
                .withSentPackages(new org.ebrelay.adapter.jdbc.JdbcSentPackages(database));
        ReceiveMessage receive = new ReceivePipeline(codec, agreements, parties, store, ids, clock, signals, replies,
                hl7, receiveSettings, signatures);

        outboundListeners.add(metrics);
        outboundListeners.add(notifications(config, clock, nodeId, routing));
        PartnerGate gate = new PartnerGate(clock, setup.pacingPolicy(), PartnerGate.Listener.NONE);
        metrics.watch(gate);
        dispatcher = new OutboundDispatcher(store, sender, codec, signals,
                RetryWiring.setup(config.reliability(), agreements, ids).withSigning(
                        signatures.resignHook(agreements), signatures.ackCheck(agreements)),
                clock, nodeId, setup.dispatchSettings(),
                OutboundListener.each(outboundListeners), gate);
        OutboundMessageFactory messages = new OutboundMessageFactory(ids,
                new TimeToLiveRule(config.reliability().ttlSafetyMargin()));
        Hl7PayloadRules payloadRules = new Hl7PayloadRules();
        submit = new CheckedSubmissions(payloadRules, new SubmitMessageService(agreements, parties, messages, codec,
                dispatcher, ids, hl7, clock, signatures, new NumberedOutbox(orderingStore, dispatcher::wake)));
        mllpAnswers = new JdbcMllpAnswers(database);
        originsKept = config.reliability().hl7DuplicateWindow();
        mllpPushes = MllpWiring.pushes(config, store, mllpAnswers, clock, outbox -> new CheckedSubmissions(
                payloadRules, new SubmitMessageService(agreements, parties, messages, codec, outbox, ids, hl7, clock,
                signatures)), dispatcher::wake);
        started.push(mllpPushes);
        query = new QueryService(store);
        inbox = new InboxService(store, codec, clock);
        diagnose = new DiagnosePartnerService(agreements, parties, codec, sender, pending, ids, clock,
                config.http().responseTimeout());
        webhooks = new WebhookPusher(store, codec, routing,
                new HttpApplicationWebhook(config.http().connectTimeout(), config.http().responseTimeout()),
                mllpPushes, clock);

        NodeNotes notes = config.bank().enabled() ? new JdbcNodeNotes(database) : NodeNotes.NONE;
        RejectedRequests rejections = new RejectedRequests(notes, clock, RejectedRequests.Limits.defaults());
        rejections.start(Duration.ofSeconds(10));
        started.push(rejections);
        web = new WebServer(setup.webServerConfig().withTls(tls.server()), EbmsEndpoint.of((request, info) -> {
            ReceiveMessage.InboundReply reply = receive.receive(request, info.clientCertificates());
            if (reply.httpStatus() < 300 && pushes()) {
                webhookRuns.execute(webhooks::pushDue);
            }
            rejections.answered(request, info.remoteHost(), reply, codec);
            return new HttpReply(reply.httpStatus(), reply.body());
        }, rejections::refused), this::health, metrics.registry());
        manualHandling = new ManualHandlingService(store, store, clock, dispatcher::wake);
        AccessCheck access = SecuritySetup.accessCheck(config.access());
        RestApi rest = new RestApi(submit, query, inbox, diagnose, manualHandling, access,
                RestApi.DEFAULT_MAX_BODY_BYTES);
        rest.resources().forEach(web::addRestResource);
        rest.providers().forEach(web::addRestProvider);
        web.addRestProvider(new OperatorAuditFilter(access, notes, clock));
        web.addApiRoute("POST", SubmissionHandler.PATH, rest.submissionHandler());
        web.addRestResource(new NoticesResource(notices));
        web.addRestResource(new OrderingResource(ordering));
        web.addRestResource(new CpaResource(cpaAdmin));
        web.addSoapEndpoint("/submission", new SoapApi(submit, query, access).implementor(),
                SoapApi.wsdlLocation());
        bank = BankWiring.prepare(config, nodeId.value(), database, store, agreements, web, this::baseUri,
                dispatcher::wake, codec, submit, clock, started, notes);
        if (bank != null) {
            bank.shipper().shipCpas(new CpaShipping(new CpaReports(cpaAdmin)));
        }

        dispatcher.start();
        started.push(dispatcher);
        started.push(webhookRuns::shutdownNow);
        web.start();
        started.push(web::stop);
        tls.watchForRenewals();
        if (bank != null) {
            bank.start(started);
        }
        ClusterSetup.start(config, nodeId, database, config.reliability().sweepInterval(), this::sweepShared,
                this::sweepLocal).forEach(started::push);
        mllpListeners = MllpWiring.listeners(config, agreements, submit, mllpAnswers, clock);
        mllpListeners.forEach(started::push);
        log.info("node {} serving {} with {} CPA(s), acting for {}", nodeId, baseUri(),
                agreements.all().size(), parties.actsForAnyParty() ? "every party of its CPAs" : parties.configured());
    }

    private final ExecutorService webhookRuns = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ebrelay-webhooks");
        t.setDaemon(true);
        return t;
    });

    /** The periodic work of this node's own state Quartz wakes: due sends, expired replies. */
    private void sweepLocal() {
        dispatcher.wake();
        pending.expireOverdue();
    }

    /** The periodic work on the database Quartz wakes (one node at a time in a cluster): pushes, purges. */
    private void sweepShared() {
        if (pushes()) {
            webhooks.pushDue();
            noticePusher.pushDue();
        }
        ordering.reportOverdueGaps();
        store.purgeRememberedIds(setup.clock().instant(), 1_000);
        store.purgeRememberedHl7Ids(setup.clock().instant(), 1_000);
        // an answer is matched to its MLLP original for as long as HL7 ids are remembered
        mllpAnswers.purgeOrigins(setup.clock().instant().minus(originsKept), 1_000);
    }

    /** Application notices (stored, pushed) and administrator notices (own thread) about failed messages. */
    private OutboundListener notifications(GatewayConfig config, Clock clock, NodeId nodeId, WebhookRouting routing) {
        GatewayConfig.Notifications settings = config.notifications();
        HttpApplicationWebhook http = new HttpApplicationWebhook(config.http().connectTimeout(),
                config.http().responseTimeout());
        AdminNotifier admin = new AdminNotifier(new AlertAggregator(settings.digestInterval(), settings.promptDelay(),
                settings.examplesPerKind()), NotificationSetup.channels(settings, nodeId.value(), http, clock), clock,
                settings.digestInterval());
        admin.start(Duration.ofSeconds(1));
        started.push(admin);
        adminNotifier = admin;
        GatewayConfig.Tls tls = config.tls();
        if (tls.keyStore() != null && tls.expiryWarning().compareTo(Duration.ZERO) > 0) {
            CertificateExpiryWatch expiry = new CertificateExpiryWatch(tls.keyStore(), tls.keyStoreType(),
                    tls.keyStorePassword(), tls.expiryWarning(), clock, admin::announce);
            expiry.start(Duration.ofDays(1));
            started.push(expiry);
        }
        JdbcNoticeStore noticeStore = new JdbcNoticeStore(database);
        WebhookRouting noticeRouting = settings.pushToApplication() ? routing : WebhookRouting.none();
        noticePusher = new NoticePusher(noticeStore, noticeRouting, http, clock);
        notices = new NoticeService(noticeStore, clock);
        return new NotificationListener(noticeStore, admin, noticeRouting,
                this::pushNoticesSoon, clock);
    }

    private void pushNoticesSoon() {
        try {
            webhookRuns.execute(noticePusher::pushDue);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("stopping: the notice push waits for the next start");
        }
    }

    /** An administrator notice from ordered delivery (a gap past its limits). */
    private void announce(AdminNotice notice) {
        AdminNotifier admin = adminNotifier;
        if (admin != null) {
            admin.announce(notice);
        } else {
            log.warn("no administrator channel yet for: {}", notice);
        }
    }

    /** The conversations that hold ordered messages, and the operator's way out (tests, CLI). */
    public OrderedDelivery ordering() {
        return ordering;
    }

    /** Whether received messages may be pushed at all (webhooks or MLLP destinations configured). */
    private boolean pushes() {
        return !setup.webhooks().isEmpty() || !mllpPushes.isEmpty();
    }

    /** The MLLP ports listening, in configured order (their bound ports: see {@link MllpListener#port}). */
    public List<MllpListener> mllpListeners() {
        return mllpListeners;
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

    /** Also tells {@code listener} what happens to the messages this node sends (embedding, the benchmark). */
    public void addOutboundListener(OutboundListener listener) {
        outboundListeners.add(listener);
    }

    /** What the store's writer has committed so far: transactions and units of work. */
    public Database.WriteCounts storeWrites() {
        return database.writeCounts();
    }

    /** The node's event log (what it ships to the Message Bank). */
    public org.ebrelay.app.port.out.EventLog eventLog() {
        return store;
    }

    /** The node's shipper to the Message Bank, or null when the bank is off. */
    public org.ebrelay.app.bank.BankShipper bankShipper() {
        return bank == null ? null : bank.shipper();
    }

    /** The bank this node hosts, or null (bank off, or shipping to a standalone bank). */
    public BankHost bankHost() {
        return bank == null ? null : bank.host();
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

    /** The application's notices about failed outbound messages. */
    public Notices notices() {
        return notices;
    }

    public DiagnosePartner diagnose() {
        return diagnose;
    }

    public HandleManually manualHandling() {
        return manualHandling;
    }

    public AgreementRegistry agreements() {
        return setup.agreements();
    }

    /** The CPAs' hot reload, versions and live state (issue 9). */
    public CpaAdministration cpaAdministration() {
        return cpaAdmin;
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
