package io.clientele.api;

/** A shop's back-end system, authenticated with OAuth 2.0 client credentials. */
record BackofficeClient(String clientId) implements TokenHolder {
}
