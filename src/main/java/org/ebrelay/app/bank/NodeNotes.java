package org.ebrelay.app.bank;

import java.util.List;

/**
 * The node's notes for the bank, kept until the bank has them: written when they happen, read and removed by the
 * shipper. {@link #NONE} keeps nothing (a node without a bank).
 */
public interface NodeNotes {
    NodeNotes NONE = new NodeNotes() {
        @Override
        public void add(NodeNote note) {
        }

        @Override
        public List<NodeNote> pending(int limit) {
            return List.of();
        }

        @Override
        public void shipped(List<NodeNote> notes) {
        }
    };

    /** Keeps {@code note} (its id is given here) until it is shipped. */
    void add(NodeNote note);

    /** The oldest notes not shipped yet, with their ids. */
    List<NodeNote> pending(int limit);

    /** Forgets these notes: the bank has them. */
    void shipped(List<NodeNote> notes);
}
