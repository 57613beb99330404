package org.ebrelay.app.notify;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An administrator channel that records what it is given, or fails while told to. */
final class RecordingChannel implements AdminChannel {
    final List<AdminNotice> sent = new CopyOnWriteArrayList<>();
    volatile boolean down;

    @Override
    public void send(AdminNotice notice) {
        if (down) {
            throw new IllegalStateException("connection refused");
        }
        sent.add(notice);
    }

    @Override
    public String describe() {
        return "recording channel";
    }
}
