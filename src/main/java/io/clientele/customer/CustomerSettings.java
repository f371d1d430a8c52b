package io.clientele.customer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of customer accounts.
 *
 * @param referencePrefix the prefix of customer references: {@code DE} gives
 * {@code DE--1}, {@code DE--2}, …
 * @param shippingMethods the shipping methods a customer may prefer (their names are
 * message keys {@code shipping.<method>} of the pages)
 */
@ConfigurationProperties("clientele.customer")
public record CustomerSettings(@DefaultValue("DE") String referencePrefix, @DefaultValue( {
		"standard", "express", "pickup" }) java.util.List<String> shippingMethods){
}
