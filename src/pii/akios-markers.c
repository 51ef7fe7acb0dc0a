// SPDX-License-Identifier: GPL-3.0-or-later
/* AKIOS's marker names (`redaction_markers: akios`), for pipelines written against AKIOS's
 * output: [EMAIL] instead of [EMAIL_ADDRESS], [PHONE_US], [SSN], ... One table from akios's
 * types (Presidio's entity names, CONTRACTS §8) to the upper-cased AKIOS pattern name; a type
 * AKIOS never had keeps akios's name. Only the marker text changes: detection, counts and
 * the ledger keep akios's type names.
 */
#include "pii/internal.h"

static const char *const akios_names[_T_MAX] = {
        [T_EMAIL] = "EMAIL",
        [T_PHONE] = "PHONE_US",
        [T_CREDIT_CARD] = "CREDIT_CARD",
        [T_IBAN] = "IBAN",
        [T_US_SSN] = "SSN",
        [T_US_ITIN] = "ITIN_US",
        [T_US_DRIVER_LICENSE] = "DRIVERS_LICENSE_US",
        [T_US_BANK] = "BANK_ACCOUNT_US",
        [T_ABA] = "ROUTING_NUMBER",
        [T_UK_NINO] = "NI_NUMBER_UK",
        [T_IP] = "IP_ADDRESS",
        [T_MAC] = "MAC_ADDRESS",
        [T_DOB] = "BIRTH_DATE",
        [T_CRYPTO] = "CRYPTO_WALLET",
        [T_URL_CRED] = "PASSWORD_IN_URL",
        [T_MRN] = "MEDICAL_RECORD",
        [T_VIN] = "VIN",
        [T_AWS_ACCESS] = "AWS_ACCESS_KEY",
        [T_GITHUB] = "GITHUB_TOKEN",
        [T_JWT] = "JWT_TOKEN",
        [T_PRIVATE_KEY] = "PRIVATE_KEY_HEADER",
        [T_GENERIC_SECRET] = "API_KEY_GENERIC",
        [T_PASSPORT] = "PASSPORT_EU",
        [T_US_PASSPORT] = "PASSPORT_EU",
        [T_FR_NIR] = "FRENCH_SSN",
        [T_US_EIN] = "TAX_ID_US",
        [T_SWIFT] = "BIC",
        [T_US_NPI] = "NPI",
        [T_US_DEA] = "DEA",
        [T_US_MBI] = "MEDICARE_MBI",
        [T_HEALTH_INSURANCE] = "HEALTH_INSURANCE_US",
        [T_DIAGNOSIS] = "DIAGNOSIS_CODES",
        [T_COORD] = "COORDINATES",
};

const char *pii_marker_name(const struct pii_redactor *r, unsigned type)
{
        if (type >= _T_MAX)
                return NULL;
        if (r && r->akios_markers && akios_names[type])
                return akios_names[type];
        return pii_types[type].name;
}

void pii_redactor_set_akios_markers(struct pii_redactor *r, bool on)
{
        if (r)
                r->akios_markers = on;
}
