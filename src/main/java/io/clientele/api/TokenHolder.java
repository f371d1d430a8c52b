package io.clientele.api;

/** Whom a valid access token speaks for. */
sealed interface TokenHolder permits ApiCustomer, BackofficeClient {

}
