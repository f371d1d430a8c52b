package io.clientele.credentials;

/** What an e-mailed token lets its holder do, once. */
enum TokenPurpose {

	REGISTRATION_CONFIRMATION, PASSWORD_RESET, EMAIL_CHANGE

}
