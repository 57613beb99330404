/**
 * What the gateway offers its applications and operators: one small interface per use case. The REST API, the
 * SOAP API and the CLI are adapters over these; the use cases implement them.
 */
package org.ebrelay.app.port.in;
