package fr.lanterne;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/** GreenMail, the real mail server of the integration tests, on the ports {@link LanterneIntegrationTest} sets. */
public final class TestMail {

    private TestMail() {
    }

    /** An SMTP server that receives what Lanterne sends. */
    public static GreenMailExtension smtp() {
        return new GreenMailExtension(smtpSetup());
    }

    /** SMTP, and the IMAP mailbox replies come back to. */
    public static GreenMailExtension smtpAndImap() {
        return new GreenMailExtension(new ServerSetup[] {smtpSetup(),
                new ServerSetup(LanterneIntegrationTest.IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    }

    private static ServerSetup smtpSetup() {
        return new ServerSetup(LanterneIntegrationTest.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    }
}
