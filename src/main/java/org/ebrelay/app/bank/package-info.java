/**
 * The Message Bank (issue 5): what nodes ship to it ({@link org.ebrelay.app.bank.FeedBatch}), the channel they
 * ship over ({@link org.ebrelay.app.bank.BankChannel}: the node always calls, the bank never calls a node), the
 * node side that ships from its event log by a cursor ({@link org.ebrelay.app.bank.BankShipper}) and carries out
 * the bank's work ({@link org.ebrelay.app.bank.BankWork}), and the bank side's rules (automatic resend, retention).
 */
package org.ebrelay.app.bank;
