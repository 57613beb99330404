package org.ebrelay.adapter.notify;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import org.ebrelay.app.notify.AdminChannel;
import org.ebrelay.app.notify.AdminNotice;
import org.ebrelay.app.notify.AdminNoticeText;

/** Administrator notices as plain-text e-mails over SMTP (Jakarta Mail with Eclipse Angus). */
public final class SmtpAdminChannel implements AdminChannel {
    private final SmtpSettings settings;
    private final String node;
    private final Clock clock;
    private final Session session;
    private final InternetAddress from;
    private final InternetAddress[] to;

    /** @throws IllegalArgumentException when an address is not valid */
    public SmtpAdminChannel(SmtpSettings settings, String node, Clock clock) {
        this.settings = settings;
        this.node = node;
        this.clock = clock;
        this.session = Session.getInstance(properties(settings), authenticator(settings));
        try {
            this.from = new InternetAddress(settings.from(), true);
            this.to = new InternetAddress[settings.to().size()];
            for (int i = 0; i < to.length; i++) {
                to[i] = new InternetAddress(settings.to().get(i), true);
            }
        } catch (AddressException e) {
            throw new IllegalArgumentException("not a valid e-mail address: " + e.getRef() + " (" + e.getMessage() + ")");
        }
    }

    private static Properties properties(SmtpSettings s) {
        String protocol = s.ssl() ? "smtps" : "smtp";
        String timeout = Long.toString(s.timeout().toMillis());
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", s.host());
        p.put("mail." + protocol + ".port", Integer.toString(s.port()));
        p.put("mail." + protocol + ".connectiontimeout", timeout);
        p.put("mail." + protocol + ".timeout", timeout);
        p.put("mail." + protocol + ".writetimeout", timeout);
        p.put("mail." + protocol + ".auth", Boolean.toString(s.username() != null));
        if (s.starttls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        return p;
    }

    private static Authenticator authenticator(SmtpSettings s) {
        if (s.username() == null) {
            return null;
        }
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(s.username(), s.password() == null ? "" : s.password());
            }
        };
    }

    @Override
    public void send(AdminNotice notice) {
        sendText(AdminNoticeText.subject(notice, node), AdminNoticeText.body(notice, node), notice.type().name());
    }

    /** One plain-text e-mail (also the CPA administration's alerts); {@code kind} goes in X-Ebrelay-Notice. */
    public void sendText(String subject, String body, String kind) {
        try {
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(from);
            mail.setRecipients(Message.RecipientType.TO, to);
            mail.setSubject(subject, "UTF-8");
            mail.setText(body, "UTF-8");
            mail.setSentDate(Date.from(clock.instant()));
            mail.setHeader("X-Ebrelay-Notice", kind);
            Transport.send(mail);
        } catch (MessagingException e) {
            throw new IllegalStateException("SMTP " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "e-mail to " + String.join(", ", settings.to()) + " via " + settings.host() + ":" + settings.port();
    }
}
