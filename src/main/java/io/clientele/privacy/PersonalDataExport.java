package io.clientele.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.clientele.address.AddressBook;
import io.clientele.audit.AuditFilter;
import io.clientele.audit.AuditTrail;
import io.clientele.customer.CustomerId;
import io.clientele.customer.CustomerManagement;
import io.clientele.customer.CustomerNotFound;
import io.clientele.groups.CustomerGroups;
import io.clientele.multifactor.FactorOwner;
import io.clientele.multifactor.FactorStatus;
import io.clientele.multifactor.SecondFactors;
import io.clientele.orderhistory.OrderHistory;
import io.clientele.passkeys.Passkeys;

/**
 * "Download my data": the customer's profile, preferences and consents, addresses,
 * orders, groups, sign-in methods (second factors and passkeys, by name and date) and own
 * security events, as one JSON-ready map. Never a password hash, a token, an app's
 * secret, a recovery code or a passkey's key.
 */
@Component
public class PersonalDataExport {

	private static final int BATCH = 500;

	private final CustomerManagement customers;

	private final AddressBook addresses;

	private final OrderHistory orders;

	private final CustomerGroups groups;

	private final AuditTrail audit;

	private final SecondFactors factors;

	private final Passkeys passkeys;

	private final Clock clock;

	PersonalDataExport(CustomerManagement customers, AddressBook addresses, OrderHistory orders, CustomerGroups groups,
			AuditTrail audit, SecondFactors factors, Passkeys passkeys, Clock clock) {
		this.factors = factors;
		this.passkeys = passkeys;
		this.customers = customers;
		this.addresses = addresses;
		this.orders = orders;
		this.groups = groups;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @throws CustomerNotFound when there is no such customer
	 */
	public Map<String, Object> export(CustomerId id) {
		var customer = customers.find(id).orElseThrow(() -> new CustomerNotFound(id));
		var data = new LinkedHashMap<String, Object>();
		data.put("exportedAt", clock.instant().toString());
		var profile = new LinkedHashMap<String, Object>();
		profile.put("customerReference", customer.reference().value());
		profile.put("email", customer.email().value());
		profile.put("salutation", customer.salutation() == null ? null : customer.salutation().name());
		profile.put("firstName", customer.firstName());
		profile.put("lastName", customer.lastName());
		profile.put("gender", customer.gender() == null ? null : customer.gender().name());
		profile.put("dateOfBirth", customer.dateOfBirth() == null ? null : customer.dateOfBirth().toString());
		profile.put("phone", customer.phone());
		profile.put("company", customer.company());
		profile.put("createdAt", customer.createdAt().toString());
		profile.put("emailConfirmedAt", customer.confirmedAt() == null ? null : customer.confirmedAt().toString());
		profile.put("loginCreatedAt", customer.registeredAt() == null ? null : customer.registeredAt().toString());
		data.put("profile", profile);
		var preferences = new LinkedHashMap<String, Object>();
		preferences.put("language", customer.locale().code());
		preferences.put("preferredShippingMethod", customer.preferredShippingMethod());
		data.put("preferences", preferences);
		var marketing = new LinkedHashMap<String, Object>();
		marketing.put("given", customer.marketingConsent());
		marketing.put("changedAt",
				customer.marketingConsentChangedAt() == null ? null : customer.marketingConsentChangedAt().toString());
		data.put("consents", Map.of("marketingEmails", marketing));
		data.put("addresses", addresses.list(id));
		data.put("orders", allOrders(id));
		data.put("groups", groups.groupsOf(id).stream().map(group -> group.name()).toList());
		var owner = FactorOwner.customer(customer);
		var signIn = new LinkedHashMap<String, Object>();
		signIn.put("secondFactors",
				factors.methods(owner)
					.stream()
					.filter(method -> method.status() != FactorStatus.DISABLED)
					.map(method -> {
						var entry = new LinkedHashMap<String, Object>();
						entry.put("type", method.type().glueName());
						entry.put("status", method.status().name().toLowerCase(Locale.ROOT));
						entry.put("enabledAt", method.enabledAt() == null ? null : method.enabledAt().toString());
						return entry;
					})
					.toList());
		signIn.put("recoveryCodesLeft", factors.recoveryCodesLeft(owner));
		signIn.put("passkeys", passkeys.list(id).stream().map(passkey -> {
			var entry = new LinkedHashMap<String, Object>();
			entry.put("name", passkey.name());
			entry.put("createdAt", passkey.createdAt().toString());
			entry.put("lastUsedAt", passkey.lastUsedAt() == null ? null : passkey.lastUsedAt().toString());
			return entry;
		}).toList());
		data.put("signInMethods", signIn);
		data.put("securityEvents", securityEvents(id));
		return data;
	}

	private List<Object> allOrders(CustomerId id) {
		var all = new ArrayList<Object>();
		for (int offset = 0;; offset += BATCH) {
			var page = orders.page(id, offset, BATCH);
			all.addAll(page.orders());
			if (page.orders().size() < BATCH) {
				return all;
			}
		}
	}

	private List<Map<String, Object>> securityEvents(CustomerId id) {
		var events = new ArrayList<Map<String, Object>>();
		for (int offset = 0;; offset += BATCH) {
			var page = audit.find(AuditFilter.customer(id.value()), offset, BATCH);
			page.entries().stream().filter(entry -> entry.type().securityEvent()).forEach(entry -> {
				var event = new LinkedHashMap<String, Object>();
				event.put("occurredAt", entry.occurredAt().toString());
				event.put("type", entry.type().name());
				event.put("clientAddress", entry.clientAddress());
				events.add(event);
			});
			if (!page.more()) {
				return events;
			}
		}
	}

}
