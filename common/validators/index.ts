export { isValidNationalId, normalizeNationalId } from './national-id.js';
export { isValidLegalId, normalizeLegalId } from './legal-id.js';
export { economicCodeKind, isValidEconomicCode, normalizeEconomicCode, type EconomicCodeKind } from './economic-code.js';
export { isValidSheba, normalizeSheba, shebaBankCode, shebaBankName } from './sheba.js';
export { BANK_CARD_ISSUERS, bankCardIssuer, isValidBankCard, normalizeBankCard } from './bank-card.js';
export { isValidMobile, normalizeMobile } from './mobile.js';
export { isValidPostalCode, normalizePostalCode } from './postal-code.js';
export { isValidPhone, normalizePhone } from './phone.js';
