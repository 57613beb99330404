/**
 * The HTTP adapter: the node's one Jetty server ({@link org.ebrelay.adapter.http.WebServer}: the lean /ebms
 * handler behind the {@link org.ebrelay.adapter.http.EbmsEndpoint} port, /health, /metrics, and CXF's REST and
 * SOAP APIs) and the outbound {@link org.ebrelay.adapter.http.EbmsHttpSender}, whose outcomes are classified in
 * one place ({@code SendOutcomeClassifier}, ebMS 2.0 digest RM-S7 and HTTP-6). It knows bytes, Content-Type and
 * SOAPAction, nothing of ebMS itself.
 */
package org.ebrelay.adapter.http;
