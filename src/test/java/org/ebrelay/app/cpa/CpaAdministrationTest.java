package org.ebrelay.app.cpa;

import org.ebrelay.adapter.cpa.CpaFileLoader;
import org.ebrelay.adapter.cpa.CpaFolderFiles;
import org.ebrelay.adapter.cpa.EndpointOverridesYaml;
import org.ebrelay.adapter.jdbc.JdbcCpaStore;
import org.ebrelay.adapter.jdbc.JdbcMessageStore;
import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.app.TestClock;
import org.ebrelay.app.WithDatabase;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.SubmittedMessage;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.cpa.EndpointOverrides;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;
import org.ebrelay.domain.reliability.DeliveryTerms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Hot reload against a real folder and a real H2 store: activation, rejection, removal, in-flight rules. */
class CpaAdministrationTest extends WithDatabase {
    static final CpaId CPA = CpaId.of(CpaFixture.CPA_ID);
    static final PartyId HOSPITAL = PartyId.of("urn:oid:2.16.840.1.113883.19.5", "RGH-0001");
    static final PartyId LAB = PartyId.of("urn:oid:2.16.840.1.113883.19.5", "NRL-0042");
    static final Service SERVICE = Service.of("urn:example:service-type:hl7v2", "urn:example:services:hl7v2:laboratory");
    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    @TempDir
    Path folder;

    private final TestClock clock = new TestClock(T0);
    private final List<CpaAlerts.CpaAlert> alerts = new ArrayList<>();
    private final AgreementRegistry registry = new AgreementRegistry(List.of());
    private JdbcMessageStore messages;
    private JdbcCpaStore store;

    @BeforeEach
    void forgetVersions() throws SQLException {
        sql("DELETE FROM cpa_versions");
        messages = new JdbcMessageStore(database);
        store = new JdbcCpaStore(database, clock);
    }

    private CpaAdministration admin(EndpointOverrides overrides) {
        return new CpaAdministration(registry, new CpaFolderFiles(folder, new CpaFileLoader(clock)), store, store,
                alerts::add, overrides, Duration.ofDays(30), clock);
    }

    private CpaAdministration started() {
        CpaFixture.demo().writeInto(folder);
        CpaAdministration admin = admin(EndpointOverrides.NONE);
        admin.startUp();
        return admin;
    }

    @Test
    void aValidEditIsActivatedAsANewVersionAndPendingMessagesTakeItsTermsWithoutWaitingLonger() throws Exception {
        CpaAdministration admin = started();
        Instant due = T0.plusSeconds(2);
        messages.insert(pending("a", due));
        clock.advance(Duration.ofSeconds(1));

        CpaFixture.demo().retryInterval("PT1M").writeInto(folder);
        ReloadReport report = admin.reload();

        assertThat(report.activated()).singleElement().satisfies(a -> {
            assertThat(a.version()).isEqualTo(2);
            assertThat(a.changes()).contains("RetryInterval PT2S -> PT1M on channel RGH_ReliableChannel of party "
                    + "RiversideGeneralHospital");
            assertThat(a.retermed()).isEqualTo(1);
        });
        assertThat(retryInterval(registry.find(CPA).orElseThrow())).isEqualTo(Duration.ofMinutes(1));
        Map<String, Object> row = row("a");
        assertThat(row.get("RETRY_INTERVAL_MS")).isEqualTo(60_000L);
        assertThat(row.get("NEXT_ATTEMPT_AT")).as("the attempt already scheduled keeps its time")
                .isEqualTo(due.toEpochMilli());
        assertThat(admin.history(CPA)).extracting(CpaVersion::number).containsExactly(1, 2);
        assertThat(admin.changes(CPA, 1, 2).orElseThrow()).contains(
                "RetryInterval PT2S -> PT1M on channel RGH_ReliableChannel of party RiversideGeneralHospital");
        assertThat(alerts).isEmpty();
    }

    @Test
    void aNewEndpointAndPersistDurationApplyToTheNextAttemptAndTheNextMessageId() throws Exception {
        CpaAdministration admin = started();
        messages.insert(pending("a", T0));
        sql("UPDATE outbound_messages SET state = 'MANUAL', next_attempt_at = NULL WHERE id = 'out-a'");
        messages.insert(pending("b", T0));

        CpaFixture.demo().replace(CpaFixture.LAB_ENDPOINT, "https://lab.example/ebms")
                .replace("<tns:PersistDuration>PT1H</tns:PersistDuration>",
                        "<tns:PersistDuration>PT2H</tns:PersistDuration>").writeInto(folder);
        ReloadReport report = admin.reload();

        assertThat(report.activated()).singleElement().satisfies(a -> assertThat(a.retermed()).isEqualTo(2));
        for (String key : List.of("a", "b")) {
            assertThat(row(key).get("ENDPOINT_URL")).isEqualTo("https://lab.example/ebms");
            assertThat(row(key).get("PERSIST_DURATION_MS")).isEqualTo(Duration.ofHours(2).toMillis());
        }
        assertThat(row("a").get("STATE")).as("an operator's resend goes to the new endpoint").isEqualTo("MANUAL");
    }

    @Test
    void theVersionOfAMessageIsTheOneActivatedLastAtOrBeforeItWasAccepted() {
        CpaAdministration admin = started();
        clock.advance(Duration.ofMinutes(5));
        CpaFixture.demo().retryInterval("PT4S").writeInto(folder);
        admin.reload();

        assertThat(admin.versionAt(CPA, T0.minusMillis(1))).isEmpty();
        assertThat(admin.versionAt(CPA, T0.plusSeconds(299))).map(CpaVersion::number).contains(1);
        assertThat(admin.versionAt(CPA, T0.plusSeconds(300))).map(CpaVersion::number).contains(2);
    }

    @Test
    void anXmlErrorIsRejectedWithItsLineAndThePreviousVersionStaysActive() {
        CpaAdministration admin = started();
        CpaFixture broken = CpaFixture.demo().replace("<tns:Retries>4</tns:Retries>", "<tns:Retries>4</tns:Retry>");
        assertRejectedAtLine(admin, broken, broken.lineOf("</tns:Retry>"));
    }

    @Test
    void aSchemaErrorIsRejectedWithItsLineAndThePreviousVersionStaysActive() {
        CpaAdministration admin = started();
        CpaFixture broken = CpaFixture.demo().replace("<tns:Retries>4</tns:Retries>", "<tns:Retries>four</tns:Retries>");
        assertRejectedAtLine(admin, broken, broken.lineOf("<tns:Retries>four"));
    }

    @Test
    void aSemanticErrorIsRejectedWithItsLineAndThePreviousVersionStaysActive() {
        CpaAdministration admin = started();
        CpaFixture broken = CpaFixture.demo().replace("<tns:OtherPartyActionBinding>NRL_R_OML_O21<",
                "<tns:OtherPartyActionBinding>NRL_R_NOTHING<");
        assertRejectedAtLine(admin, broken, broken.lineOf("NRL_R_NOTHING"));
    }

    private void assertRejectedAtLine(CpaAdministration admin, CpaFixture broken, int line) {
        Agreement before = registry.find(CPA).orElseThrow();
        Path file = broken.retryInterval("PT5S").writeInto(folder);

        ReloadReport report = admin.reload();

        assertThat(report.activated()).isEmpty();
        assertThat(report.rejected()).singleElement().satisfies(r -> assertThat(r.problems())
                .anySatisfy(p -> assertThat(p).startsWith(file + ":" + line + ":")));
        assertThat(registry.find(CPA)).containsSame(before);
        assertThat(admin.status(CPA).orElseThrow().state()).isEqualTo("REJECTED_EDIT");
        assertThat(admin.history(CPA)).hasSize(1);
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo("REJECTED_EDIT");
            assertThat(alert.body()).contains(file + ":" + line + ":").contains("Version 1 of CPA " + CPA
                    + " (activated " + T0 + ") stays active");
        });
        assertThat(admin.reload().rejected()).as("still standing").hasSize(1);
        assertThat(alerts).as("administrators told once per edit").hasSize(1);
    }

    @Test
    void theWatchWaitsUntilAnEditHasSettledAndIgnoresEditorFiles() throws Exception {
        CpaAdministration admin = started();
        CpaFixture edited = CpaFixture.demo().retryInterval("PT3S");
        edited.writeInto(folder, "." + CpaFixture.FILE + ".swp");
        Files.writeString(folder.resolve(CpaFixture.FILE + "~"), "half a file", StandardCharsets.UTF_8);
        edited.writeInto(folder);

        assertThat(admin.poll().changedAnything()).as("seen once: maybe still being written").isFalse();
        assertThat(admin.poll().activated()).singleElement()
                .satisfies(a -> assertThat(a.version()).isEqualTo(2));
        assertThat(admin.poll().changedAnything()).isFalse();
        assertThat(retryInterval(registry.find(CPA).orElseThrow())).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aRemovedCpaRefusesNewMessagesAndMovesItsPendingOnesToManualHandlingWithTheReason() throws Exception {
        CpaAdministration admin = started();
        messages.insert(pending("queued", T0));
        messages.insert(pending("retrying", T0));
        messages.insert(pending("sending", T0));
        sql("UPDATE outbound_messages SET state = 'RETRYING' WHERE id = 'out-retrying'");
        sql("UPDATE outbound_messages SET state = 'SENDING' WHERE id = 'out-sending'");

        Files.delete(folder.resolve(CpaFixture.FILE));
        ReloadReport report = admin.reload();

        assertThat(registry.find(CPA)).isEmpty();
        assertThat(report.removed()).singleElement().satisfies(r -> {
            assertThat(r.withdrawn().moved()).isEqualTo(2);
            assertThat(r.withdrawn().inFlight()).isEqualTo(1);
        });
        assertThat(row("queued").get("STATE")).isEqualTo("MANUAL");
        assertThat(row("retrying").get("STATE")).isEqualTo("MANUAL");
        assertThat((String) row("queued").get("LAST_REASON")).contains("CPA " + CPA + " was withdrawn")
                .contains("was removed");
        assertThat(eventTypes("queued")).contains("CPA_WITHDRAWN");
        assertThat(alerts).extracting(CpaAlerts.CpaAlert::kind).containsExactly("REMOVED");

        // the attempt under way ends (the partner did not answer): the next look moves it too
        sql("UPDATE outbound_messages SET state = 'RETRYING' WHERE id = 'out-sending'");
        admin.poll();
        assertThat(row("sending").get("STATE")).isEqualTo("MANUAL");
    }

    @Test
    void aSecondFileWithTheSameCpaIdIsRefusedAndServesItOnceTheFirstIsGone() throws Exception {
        CpaAdministration admin = started();
        Path copy = CpaFixture.demo().retryInterval("PT7S").writeInto(folder, "copy.xml");

        assertThat(admin.reload().rejected()).singleElement().satisfies(r -> assertThat(r.problems())
                .containsExactly(copy + ":1:1: cpaid '" + CPA + "' is already served by "
                        + folder.resolve(CpaFixture.FILE) + "; one file per CPAId"));

        Files.delete(folder.resolve(CpaFixture.FILE));
        ReloadReport report = admin.reload();

        assertThat(report.activated()).singleElement().satisfies(a -> assertThat(a.file()).isEqualTo(copy));
        assertThat(report.rejected()).isEmpty();
        assertThat(report.removed()).as("served on by the other file").isEmpty();
        assertThat(retryInterval(registry.find(CPA).orElseThrow())).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aRenamedFileKeepsItsCpaServedAndItsPendingMessagesGoingOn() throws Exception {
        CpaAdministration admin = started();
        messages.insert(pending("queued", T0));

        Files.move(folder.resolve(CpaFixture.FILE), folder.resolve("renamed.xml"));
        ReloadReport report = admin.reload();

        assertThat(report.removed()).isEmpty();
        assertThat(report.activated()).singleElement().satisfies(a -> {
            assertThat(a.file()).isEqualTo(folder.resolve("renamed.xml"));
            assertThat(a.version()).as("the same document: no new version").isEqualTo(1);
        });
        assertThat(registry.find(CPA)).isPresent();
        assertThat(row("queued").get("STATE")).isEqualTo("QUEUED");
        assertThat(alerts).isEmpty();
    }

    @Test
    void anActionTheNewVersionNoLongerHasMovesItsPendingMessagesToManualHandling() throws Exception {
        CpaAdministration admin = started();
        messages.insert(pending("order", T0));

        CpaFixture.demo().replace("tns:action=\"OML_O21\"", "tns:action=\"OML_O33\"").writeInto(folder);
        ReloadReport report = admin.reload();

        assertThat(report.activated()).singleElement().satisfies(a -> {
            assertThat(a.withdrawn().moved()).isEqualTo(1);
            assertThat(a.changes()).anySatisfy(c -> assertThat(c).startsWith("CanSend action OML_O21"));
        });
        assertThat(row("order").get("STATE")).isEqualTo("MANUAL");
        assertThat((String) row("order").get("LAST_REASON")).contains("version 2 of CPA " + CPA
                + " no longer agrees action OML_O21");
    }

    @Test
    void aCpaChangedWhileTheNodeWasDownIsAVersionAtStartUpAndACpaGoneMeanwhileIsWithdrawn() throws Exception {
        started();
        messages.insert(pending("other", T0, CpaId.of("urn:gone")));
        CpaFixture.demo().retryInterval("PT10S").writeInto(folder);
        AgreementRegistry fresh = new AgreementRegistry(List.of());
        CpaAdministration restarted = new CpaAdministration(fresh, new CpaFolderFiles(folder,
                new CpaFileLoader(clock)), store, store, alerts::add, EndpointOverrides.NONE, Duration.ofDays(30), clock);

        ReloadReport report = restarted.startUp();

        assertThat(report.activated()).singleElement().satisfies(a -> {
            assertThat(a.version()).isEqualTo(2);
            assertThat(a.changes()).anySatisfy(c -> assertThat(c).startsWith("RetryInterval PT2S -> PT10S"));
        });
        assertThat(row("other").get("STATE")).isEqualTo("MANUAL");
    }

    @Test
    void anEndpointOverrideIsWhatTheNodeSendsToAndTheDocumentKeepsTheOriginal() {
        CpaFixture.demo().writeInto(folder);
        URI test = URI.create("http://test-lab.example:9000/ebms");
        CpaAdministration admin = admin(new EndpointOverrides(List.of(
                new EndpointOverrides.Mapping(null, URI.create(CpaFixture.LAB_ENDPOINT), test))));

        admin.startUp();

        Agreement used = registry.find(CPA).orElseThrow();
        assertThat(used.route(HOSPITAL, null, LAB, SERVICE, "OML_O21").orElseThrow().endpoint().uri())
                .isEqualTo(test);
        CpaStatus status = admin.status(CPA).orElseThrow();
        assertThat(status.document().route(HOSPITAL, null, LAB, SERVICE, "OML_O21").orElseThrow().endpoint().uri())
                .isEqualTo(URI.create(CpaFixture.LAB_ENDPOINT));
        assertThat(admin.overrides().target(CPA, URI.create(CpaFixture.LAB_ENDPOINT))).contains(test);
    }

    @Test
    void anEditOfTheOverridesFileIsTakenIntoUseWithoutARestartAndABrokenOneKeepsTheMappingInForce() throws Exception {
        CpaFixture.demo().writeInto(folder);
        Path file = folder.resolve("endpoint-overrides.yaml");
        CpaAdministration admin = new CpaAdministration(registry, new CpaFolderFiles(folder,
                new CpaFileLoader(clock)), store, store, alerts::add, EndpointOverrides.NONE,
                new EndpointOverridesYaml(file), Duration.ofDays(30), clock);
        admin.startUp();
        messages.insert(pending("a", T0.plusSeconds(2)));
        String test = "http://test-lab.example:9000/ebms";

        Files.writeString(file, "endpointOverrides:\n  - {from: \"" + CpaFixture.LAB_ENDPOINT + "\", to: \"" + test
                + "\"}\n");
        admin.poll();
        assertThat(sentTo()).as("not settled yet").isEqualTo(CpaFixture.LAB_ENDPOINT);
        admin.poll();

        assertThat(sentTo()).isEqualTo(test);
        assertThat(row("a").get("ENDPOINT_URL")).as("the next attempt of a pending message").isEqualTo(test);
        assertThat(registry.versionOf(registry.find(CPA).orElseThrow())).as("the same CPA version").isEqualTo(1);
        assertThat(admin.overrides().all()).hasSize(1);

        Files.writeString(file, "endpointOverrides:\n  - {from: \"lab/ebms\", to: \"" + test + "\"}\n");
        ReloadReport report = admin.reload();

        assertThat(report.rejected()).singleElement().satisfies(r -> assertThat(r.problems()).singleElement()
                .asString().startsWith(file + ":2:12: 'from' must be an absolute URL"));
        assertThat(sentTo()).as("the mapping in force stays").isEqualTo(test);
        assertThat(admin.rejectedFiles()).extracting(RejectedEdit::file).containsExactly(file);
        assertThat(alerts).anySatisfy(a -> assertThat(a.subject()).isEqualTo("Endpoint overrides edit rejected: "
                + file));

        Files.delete(file);
        admin.reload();
        assertThat(sentTo()).as("no file, no mapping").isEqualTo(CpaFixture.LAB_ENDPOINT);
        assertThat(row("a").get("ENDPOINT_URL")).isEqualTo(CpaFixture.LAB_ENDPOINT);
        assertThat(admin.rejectedFiles()).isEmpty();
    }

    private String sentTo() {
        return registry.find(CPA).orElseThrow().route(HOSPITAL, null, LAB, SERVICE, "OML_O21").orElseThrow()
                .endpoint().uri().toString();
    }

    @Test
    void administratorsAreWarnedOnceBeforeTheEndAndPendingMessagesMoveToManualHandlingAtIt() throws Exception {
        CpaFixture.demo().end("2026-12-01T00:00:00Z").writeInto(folder);
        CpaAdministration admin = admin(EndpointOverrides.NONE);
        admin.startUp();
        admin.poll();

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("EXPIRING");
            assertThat(a.subject()).contains("expires at 2026-12-01T00:00:00Z");
        });
        assertThat(admin.status(CPA).orElseThrow().state()).isEqualTo("EXPIRING");

        messages.insert(pending("late", T0));
        clock.set(Instant.parse("2026-12-01T00:00:00Z"));
        admin.poll();
        admin.poll();

        assertThat(row("late").get("STATE")).isEqualTo("MANUAL");
        assertThat((String) row("late").get("LAST_REASON")).contains("reached its End");
        assertThat(alerts).extracting(CpaAlerts.CpaAlert::kind).containsExactly("EXPIRING", "EXPIRED");
        assertThat(admin.status(CPA).orElseThrow().state()).isEqualTo("EXPIRED");
    }

    private static Duration retryInterval(Agreement agreement) {
        return agreement.route(HOSPITAL, null, LAB, SERVICE, "OML_O21").orElseThrow().senderTerms().reliability()
                .retryInterval();
    }

    private static SubmittedMessage pending(String key, Instant due) {
        return pending(key, due, CPA);
    }

    private static SubmittedMessage pending(String key, Instant due, CpaId cpaId) {
        MessageHeading heading = new MessageHeading(cpaId, ConversationId.of("conv-" + key),
                MessageId.of(key + "@hospital.example"), null, HOSPITAL, LAB, SERVICE, "OML_O21", T0);
        return new SubmittedMessage(InternalId.of("out-" + key), heading, new DeliveryTerms(true, true, true, 4,
                Duration.ofSeconds(2), Duration.ofHours(1)), T0.plus(Duration.ofMinutes(55)), null,
                CpaFixture.LAB_ENDPOINT, "\"ebXML\"", new WireBytes("text/xml", ("wire " + key).getBytes(
                StandardCharsets.UTF_8)), T0, due);
    }

    private static Map<String, Object> row(String key) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
              PreparedStatement select = c.prepareStatement("SELECT state, retry_interval_ms, next_attempt_at,"
                     + " endpoint_url, persist_duration_ms, last_reason FROM outbound_messages WHERE id = ?")) {
            select.setString(1, "out-" + key);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    values.put(rows.getMetaData().getColumnName(i), rows.getObject(i));
                }
                return values;
            }
        }
    }

    private static List<String> eventTypes(String key) throws SQLException {
        List<String> types = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT event_type FROM message_events WHERE message_key = ? ORDER BY seq")) {
            select.setString(1, "out-" + key);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
        }
        return types;
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }
}
