package io.clientele.customer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of customer accounts.
 *
 * @param referencePrefix the prefix of customer references: {@code DE} gives
 * {@code DE--1}, {@code DE--2}, …
 */
@ConfigurationProperties("clientele.customer")
public record CustomerSettings(@DefaultValue("DE") String referencePrefix) {
}
